using System.Runtime.InteropServices;

namespace GraphRag.Cuda.Interop;

/// <summary>A block of device memory, freed on dispose.</summary>
public sealed class DeviceBuffer : IDisposable
{
    private readonly bool _owner;

    private DeviceBuffer(nint pointer, long bytes, bool owner)
    {
        Pointer = pointer;
        Bytes = bytes;
        _owner = owner;
    }

    public nint Pointer { get; private set; }
    public long Bytes { get; }

    public static unsafe DeviceBuffer Allocate(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        CudaRuntime.EnsureAvailable();
        nint pointer;
        CudaException.ThrowIfFailed(NativeMethods.Malloc(&pointer, (nuint)bytes), $"cudaMalloc({bytes} bytes)");
        return new DeviceBuffer(pointer, bytes, owner: true);
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

    /// <summary>A view of <paramref name="bytes"/> bytes from <paramref name="offset"/>; valid while this buffer lives, frees nothing.</summary>
    public DeviceBuffer Slice(long offset, long bytes)
    {
        if (offset < 0 || bytes < 1 || offset + bytes > Bytes)
            throw new ArgumentOutOfRangeException(nameof(offset), $"[{offset}, {offset + bytes}) is outside a device buffer of {Bytes} bytes.");
        return new DeviceBuffer(Live() + (nint)offset, bytes, owner: false);
    }

    /// <summary>Float elements [<paramref name="start"/>, start + <paramref name="count"/>) as a view.</summary>
    public DeviceBuffer Floats(long start, long count) => Slice(start * sizeof(float), count * sizeof(float));

    public void Dispose()
    {
        if (Pointer == 0) return;
        if (_owner) NativeMethods.Free(Pointer);
        Pointer = 0;
    }

    private nint Live() => Pointer != 0 ? Pointer : throw new ObjectDisposedException(nameof(DeviceBuffer));

    private void Check(long bytes)
    {
        if (bytes > Bytes) throw new ArgumentException($"{bytes} bytes do not fit in a device buffer of {Bytes} bytes.");
    }
}
