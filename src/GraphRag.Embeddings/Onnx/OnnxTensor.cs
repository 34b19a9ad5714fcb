namespace GraphRag.Embeddings.Onnx;

/// <summary>
/// One tensor of an ONNX graph (an initializer, or the value of a Constant node): its shape and, for
/// float32 and int64 tensors, its values. Other element types keep their shape only.
/// </summary>
public sealed record OnnxTensor(string Name, long[] Dims, OnnxTensor.ElementType DataType, float[]? Floats, long[]? Int64s)
{
    /// <summary>TensorProto.DataType values this reader knows by name.</summary>
    public enum ElementType { Undefined = 0, Float = 1, Int32 = 6, Int64 = 7, Float16 = 10, Double = 11 }

    public long ElementCount => Dims.Aggregate(1L, (a, b) => a * b);

    public string ShapeText => $"[{string.Join(", ", Dims)}]";

    /// <summary>The float32 values, or an error naming the tensor when it holds another type.</summary>
    public float[] RequireFloats(string source) =>
        Floats ?? throw new InvalidDataException($"{source}: tensor '{Name}' is {DataType}, not float32.");

    /// <summary>The single value of a one-element float tensor (a Constant such as a LayerNorm epsilon), or null.</summary>
    public float? ScalarFloat => Floats is { Length: 1 } f ? f[0] : null;
}
