namespace GraphRag.Store;

/// <summary>How a vector is stored: 4, 2 or 1 byte(s) per component.</summary>
public enum VectorFormat
{
    F32,
    F16,
    /// <summary>Signed bytes times one scale per vector (max |component| / 127).</summary>
    I8,
}
