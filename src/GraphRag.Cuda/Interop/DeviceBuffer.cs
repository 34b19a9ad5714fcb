using System.Runtime.InteropServices;

namespace GraphRag.Cuda.Interop;

/// <summary>
/// A block of device memory, freed on dispose. A host buffer (<see cref="AllocateHost"/>) stands in for device
/// memory when the kernels are emulated on the CPU (<see cref="Emulation.EmulatedDeviceKernels"/>).
/// </summary>
public sealed unsafe class DeviceBuffer : IDisposable
{
    private readonly bool _owner;

    private DeviceBuffer(nint pointer, long bytes, bool owner, bool isHost)
    {
        Pointer = pointer;
        Bytes = bytes;
        _owner = owner;
        IsHost = isHost;
    }

    /// <summary>True for host memory standing in for device memory.</summary>
    public bool IsHost { get; }

    public nint Pointer { get; private set; }
    public long Bytes { get; }

    public static DeviceBuffer Allocate(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        CudaRuntime.EnsureAvailable();
        nint pointer;
        CudaException.ThrowIfFailed(NativeMethods.Malloc(&pointer, (nuint)bytes), $"cudaMalloc({bytes} bytes)");
        return new DeviceBuffer(pointer, bytes, owner: true, isHost: false);
    }

    /// <summary>Zeroed, 256-byte aligned host memory (cudaMalloc's alignment) for CPU emulation of the kernels.</summary>
    public static DeviceBuffer AllocateHost(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        var pointer = (nint)NativeMemory.AlignedAlloc((nuint)bytes, 256);
        NativeMemory.Clear((void*)pointer, (nuint)bytes);
        return new DeviceBuffer(pointer, bytes, owner: true, isHost: true);
    }

    /// <summary>The buffer's floats as a span; host buffers only.</summary>
    public Span<float> HostFloats(long count)
    {
        if (!IsHost) throw new InvalidOperationException("Device memory cannot be read as a span; download it.");
        if (count * sizeof(float) > Bytes) throw new ArgumentException($"{count} floats do not fit in a buffer of {Bytes} bytes.");
        return new Span<float>((void*)Live(), checked((int)count));
    }

    /// <summary>The buffer's bytes as a span; host buffers only.</summary>
    public ReadOnlySpan<byte> HostBytes()
    {
        if (!IsHost) throw new InvalidOperationException("Device memory cannot be read as a span; download it.");
        return new ReadOnlySpan<byte>((void*)Live(), checked((int)Bytes));
    }

    /// <summary>A new buffer holding a copy of <paramref name="values"/>.</summary>
    public static DeviceBuffer From<T>(ReadOnlySpan<T> values, bool host = false) where T : unmanaged
    {
        var bytes = Math.Max(1, MemoryMarshal.AsBytes(values).Length);
        var buffer = host ? AllocateHost(bytes) : Allocate(bytes);
        buffer.Upload(values);
        return buffer;
    }

    public void Upload<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        Check(bytes.Length);
        if (IsHost)
        {
            bytes.CopyTo(new Span<byte>((void*)Live(), bytes.Length));
            return;
        }
        fixed (byte* host = bytes)
            CudaException.ThrowIfFailed(NativeMethods.CopyToDevice(Live(), host, (nuint)bytes.Length), "copy to device");
    }

    public void Download<T>(Span<T> destination) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(destination);
        Check(bytes.Length);
        if (IsHost)
        {
            new ReadOnlySpan<byte>((void*)Live(), bytes.Length).CopyTo(bytes);
            return;
        }
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
        return new DeviceBuffer(Live() + (nint)offset, bytes, owner: false, IsHost);
    }

    /// <summary>Float elements [<paramref name="start"/>, start + <paramref name="count"/>) as a view.</summary>
    public DeviceBuffer Floats(long start, long count) => Slice(start * sizeof(float), count * sizeof(float));

    public void Dispose()
    {
        if (Pointer == 0) return;
        if (_owner && IsHost) NativeMemory.AlignedFree((void*)Pointer);
        // A failed free during disposal cannot be acted on; the device reports it again on its next call.
        else if (_owner) _ = NativeMethods.Free(Pointer);
        Pointer = 0;
    }

    private nint Live() => Pointer != 0 ? Pointer : throw new ObjectDisposedException(nameof(DeviceBuffer));

    private void Check(long bytes)
    {
        if (bytes > Bytes) throw new ArgumentException($"{bytes} bytes do not fit in a device buffer of {Bytes} bytes.");
    }
}
