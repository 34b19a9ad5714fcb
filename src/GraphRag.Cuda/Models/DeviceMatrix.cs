using GraphRag.Cuda.Interop;
using GraphRag.Generation.Gguf;
using GraphRag.Generation.Models;

namespace GraphRag.Cuda.Models;

/// <summary>
/// A Linear layer's weight [Rows, Columns] in device memory. F32, F16 and Q8_0 stay in their stored
/// encoding (the matrix-vector kernels read them directly); other quantizations are dequantized to F32 once.
/// </summary>
internal sealed class DeviceMatrix : IDisposable
{
    private readonly IDeviceKernels _kernels;

    private DeviceMatrix(IDeviceKernels kernels, GgmlType type, int rows, int columns, DeviceBuffer data)
    {
        _kernels = kernels;
        Type = type;
        Rows = rows;
        Columns = columns;
        Data = data;
    }

    public GgmlType Type { get; }
    public int Rows { get; }
    public int Columns { get; }
    public DeviceBuffer Data { get; }

    public static DeviceMatrix Upload(IDeviceKernels kernels, WeightMatrix weight)
    {
        var keepsEncoding = weight.Type is GgmlType.F32 or GgmlType.F16 || (weight.Type == GgmlType.Q8_0 && weight.Columns % 32 == 0);
        if (keepsEncoding)
        {
            var rowBytes = weight.RowBytes(0).Length;
            var bytes = new byte[(long)rowBytes * weight.Rows];
            for (var r = 0; r < weight.Rows; r++) weight.RowBytes(r).CopyTo(bytes.AsSpan(r * rowBytes, rowBytes));
            return new DeviceMatrix(kernels, weight.Type, weight.Rows, weight.Columns, kernels.From<byte>(bytes));
        }
        var values = new float[(long)weight.Rows * weight.Columns];
        for (var r = 0; r < weight.Rows; r++) weight.CopyRow(r, values.AsSpan(r * weight.Columns, weight.Columns));
        return new DeviceMatrix(kernels, GgmlType.F32, weight.Rows, weight.Columns, kernels.From<float>(values));
    }

    /// <summary>y [Rows] = W · x [Columns].</summary>
    public void Multiply(DeviceBuffer x, DeviceBuffer y) => _kernels.MatVec(Type, y, Data, x, Rows, Columns);

    /// <summary>y [m, Rows] = x [m, Columns] · Wᵀ, one matrix-vector product per row.</summary>
    public void Multiply(DeviceBuffer x, DeviceBuffer y, int m)
    {
        for (var t = 0; t < m; t++) Multiply(x.Floats((long)t * Columns, Columns), y.Floats((long)t * Rows, Rows));
    }

    public void Dispose() => Data.Dispose();
}
