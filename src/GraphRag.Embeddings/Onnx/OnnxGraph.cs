using System.Runtime.InteropServices;

namespace GraphRag.Embeddings.Onnx;

/// <summary>
/// The parts of an ONNX model (<c>ModelProto</c>) that a weight loader needs: the graph's nodes, its
/// initializers, and its input and output names. Field numbers are onnx.proto's (ModelProto.graph = 7;
/// GraphProto.node = 1, initializer = 5, input = 11, output = 12; NodeProto input = 1, output = 2,
/// name = 3, op_type = 4, attribute = 5; AttributeProto name = 1, t = 5; TensorProto dims = 1,
/// data_type = 2, float_data = 4, int64_data = 7, name = 8, raw_data = 9, data_location = 14).
/// </summary>
public sealed class OnnxGraph
{
    private readonly Dictionary<string, OnnxNode> _producers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OnnxNode>> _consumers = new(StringComparer.Ordinal);

    private OnnxGraph(string source, List<OnnxNode> nodes, Dictionary<string, OnnxTensor> initializers, List<string> inputs, List<string> outputs)
    {
        Source = source;
        Nodes = nodes;
        Initializers = initializers;
        Inputs = inputs;
        Outputs = outputs;
        foreach (var node in nodes)
        {
            foreach (var output in node.Outputs) _producers[output] = node;
            foreach (var input in node.Inputs)
            {
                if (!_consumers.TryGetValue(input, out var list)) _consumers[input] = list = [];
                list.Add(node);
            }
        }
    }

    /// <summary>Where the model came from (a path or a package resource), for error messages.</summary>
    public string Source { get; }

    public IReadOnlyList<OnnxNode> Nodes { get; }

    public IReadOnlyDictionary<string, OnnxTensor> Initializers { get; }

    /// <summary>The graph's input names (ONNX IR &lt; 4 also lists initializers here).</summary>
    public IReadOnlyList<string> Inputs { get; }

    public IReadOnlyList<string> Outputs { get; }

    /// <summary>The node that writes <paramref name="value"/>, or null for graph inputs and initializers.</summary>
    public OnnxNode? ProducerOf(string value) => _producers.GetValueOrDefault(value);

    public IReadOnlyList<OnnxNode> ConsumersOf(string value) => _consumers.TryGetValue(value, out var list) ? list : [];

    /// <summary>The constant a value holds: an initializer, or the output of a Constant node; null otherwise.</summary>
    public OnnxTensor? ConstantValue(string value)
    {
        if (Initializers.TryGetValue(value, out var tensor)) return tensor;
        var producer = ProducerOf(value);
        return producer is { OpType: "Constant" } && producer.TensorAttributes.TryGetValue("value", out var constant) ? constant : null;
    }

    public static OnnxGraph Read(ReadOnlySpan<byte> model, string source)
    {
        try
        {
            var reader = new ProtobufReader(model);
            while (reader.TryReadTag(out var field, out var wire))
            {
                if (field == 7 && wire == ProtobufReader.WireType.LengthDelimited) return ReadGraph(reader.ReadBytes(), source);
                reader.Skip(wire);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{source} is not a valid ONNX model: {ex.Message}.", ex);
        }
        throw new InvalidDataException($"{source} is not an ONNX model: it has no graph (ModelProto field 7).");
    }

    private static OnnxGraph ReadGraph(ReadOnlySpan<byte> bytes, string source)
    {
        var nodes = new List<OnnxNode>();
        var initializers = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        var inputs = new List<string>();
        var outputs = new List<string>();
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1: nodes.Add(ReadNode(reader.ReadBytes(), source)); break;
                case 5:
                    var tensor = ReadTensor(reader.ReadBytes(), source);
                    initializers[tensor.Name] = tensor;
                    break;
                case 11: inputs.Add(ReadValueInfoName(reader.ReadBytes())); break;
                case 12: outputs.Add(ReadValueInfoName(reader.ReadBytes())); break;
                default: reader.Skip(wire); break;
            }
        }
        return new OnnxGraph(source, nodes, initializers, inputs, outputs);
    }

    private static string ReadValueInfoName(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == 1) return reader.ReadString();
            reader.Skip(wire);
        }
        return "";
    }

    private static OnnxNode ReadNode(ReadOnlySpan<byte> bytes, string source)
    {
        var inputs = new List<string>();
        var outputs = new List<string>();
        var attributes = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        string opType = "", name = "";
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1: inputs.Add(reader.ReadString()); break;
                case 2: outputs.Add(reader.ReadString()); break;
                case 3: name = reader.ReadString(); break;
                case 4: opType = reader.ReadString(); break;
                case 5:
                    ReadAttribute(reader.ReadBytes(), source, attributes, numbers);
                    break;
                default: reader.Skip(wire); break;
            }
        }
        return new OnnxNode(opType, name, inputs, outputs, attributes, numbers);
    }

    /// <summary>An attribute holding a tensor (AttributeProto.t = 5), a float (f = 2) or an int (i = 3); lists, strings and graphs are skipped.</summary>
    private static void ReadAttribute(ReadOnlySpan<byte> bytes, string source, Dictionary<string, OnnxTensor> tensors, Dictionary<string, double> numbers)
    {
        string name = "";
        OnnxTensor? tensor = null;
        double? number = null;
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1: name = reader.ReadString(); break;
                case 2 when wire == ProtobufReader.WireType.Fixed32: number = reader.ReadFixed32Float(); break;
                case 3 when wire == ProtobufReader.WireType.Varint: number = reader.ReadInt64(); break;
                case 5: tensor = ReadTensor(reader.ReadBytes(), source); break;
                default: reader.Skip(wire); break;
            }
        }
        if (tensor is not null) tensors[name] = tensor;
        else if (number is { } n) numbers[name] = n;
    }

    private static OnnxTensor ReadTensor(ReadOnlySpan<byte> bytes, string source)
    {
        var dims = new List<long>();
        var type = OnnxTensor.ElementType.Undefined;
        var name = "";
        ReadOnlySpan<byte> raw = default;
        var floatData = new List<float>();
        var int64Data = new List<long>();
        var external = false;
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1: reader.ReadInt64s(wire, dims); break;
                case 2: type = (OnnxTensor.ElementType)reader.ReadInt64(); break;
                case 4:
                    if (wire == ProtobufReader.WireType.Fixed32) floatData.Add(reader.ReadFixed32Float());
                    else floatData.AddRange(MemoryMarshal.Cast<byte, float>(reader.ReadBytes()).ToArray());
                    break;
                case 7: reader.ReadInt64s(wire, int64Data); break;
                case 8: name = reader.ReadString(); break;
                case 9: raw = reader.ReadBytes(); break;
                case 14: external = reader.ReadInt64() == 1; break;
                default: reader.Skip(wire); break;
            }
        }
        if (external)
            throw new NotSupportedException($"{source}: tensor '{name}' is stored in an external data file; save the model with every tensor inside model.onnx.");

        var shape = dims.ToArray();
        var count = shape.Aggregate(1L, (a, b) => a * b);
        float[]? floats = null;
        long[]? int64s = null;
        if (type == OnnxTensor.ElementType.Float)
            floats = raw.IsEmpty && floatData.Count == count ? floatData.ToArray() : FromRaw<float>(raw, count, name, source);
        else if (type == OnnxTensor.ElementType.Int64)
            int64s = raw.IsEmpty && int64Data.Count == count ? int64Data.ToArray() : FromRaw<long>(raw, count, name, source);
        return new OnnxTensor(name, shape, type, floats, int64s);
    }

    /// <summary>raw_data is little-endian in C order, as is this machine's memory.</summary>
    private static T[] FromRaw<T>(ReadOnlySpan<byte> raw, long count, string name, string source) where T : unmanaged
    {
        var values = MemoryMarshal.Cast<byte, T>(raw);
        if (values.Length != count || raw.Length % System.Runtime.CompilerServices.Unsafe.SizeOf<T>() != 0)
            throw new InvalidDataException($"{source}: tensor '{name}' holds {raw.Length} bytes, not the {count} elements of its shape.");
        return values.ToArray();
    }
}
