namespace GraphRag.Cuda.Emulation;

/// <summary>Element type of attention inputs; the values equal the native GRC_F32/GRC_F16/GRC_BF16 codes.</summary>
public enum InputPrecision
{
    Float32 = 0,
    Float16 = 1,
    BFloat16 = 2,
}
