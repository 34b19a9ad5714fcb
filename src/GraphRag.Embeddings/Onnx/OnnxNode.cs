namespace GraphRag.Embeddings.Onnx;

/// <summary>
/// One operator of an ONNX graph: its type, the value names it reads and writes, and the attributes a
/// weight loader needs: tensors (a Constant's value) and numbers (ints and floats, e.g. Gemm's transB, an epsilon).
/// </summary>
public sealed record OnnxNode(
    string OpType,
    string Name,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyDictionary<string, OnnxTensor> TensorAttributes,
    IReadOnlyDictionary<string, double> NumberAttributes);
