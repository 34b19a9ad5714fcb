using System.Runtime.InteropServices;

namespace GraphRag.Cuda.Interop;

/// <summary>A block of device memory, freed on dispose.</summary>
public sealed class DeviceBuffer : IDisposable
{
    private DeviceBuffer(nint pointer, long bytes)
    {
        Pointer = pointer;
        Bytes = bytes;
    }

    public nint Pointer { get; private set; }
    public long Bytes { get; }

    public static unsafe DeviceBuffer Allocate(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        CudaRuntime.EnsureAvailable();
        nint pointer;
        CudaException.ThrowIfFailed(NativeMethods.Malloc(&pointer, (nuint)bytes), $"cudaMalloc({bytes} bytes)");
        return new DeviceBuffer(pointer, bytes);
    }

    /// <summary>A new buffer holding a copy of <paramref name="values"/>.</summary>
    public static DeviceBuffer From<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        var buffer = Allocate(Math.Max(1, MemoryMarshal.AsBytes(values).Length));
        buffer.Upload(values);
        return buffer;
    }

    public unsafe void Upload<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        Check(bytes.Length);
        fixed (byte* host = bytes)
            CudaException.ThrowIfFailed(NativeMethods.CopyToDevice(Live(), host, (nuint)bytes.Length), "copy to device");
    }

    public unsafe void Download<T>(Span<T> destination) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(destination);
        Check(bytes.Length);
        fixed (byte* host = bytes)
            CudaException.ThrowIfFailed(NativeMethods.CopyToHost(host, Live(), (nuint)bytes.Length), "copy to host");
    }

    public T[] ToArray<T>(int count) where T : unmanaged
    {
        var values = new T[count];
        Download<T>(values);
        return values;
    }

    public void Dispose()
    {
        if (Pointer == 0) return;
        NativeMethods.Free(Pointer);
        Pointer = 0;
    }

    private nint Live() => Pointer != 0 ? Pointer : throw new ObjectDisposedException(nameof(DeviceBuffer));

    private void Check(long bytes)
    {
        if (bytes > Bytes) throw new ArgumentException($"{bytes} bytes do not fit in a device buffer of {Bytes} bytes.");
    }
}
