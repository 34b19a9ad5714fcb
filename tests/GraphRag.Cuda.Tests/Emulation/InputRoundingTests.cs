using GraphRag.Cuda.Emulation;

namespace GraphRag.Cuda.Tests.Emulation;

public sealed class InputRoundingTests
{
    // Expected bits from an independent formulation in Python 3.11 (8 significant bits, round-half-even):
    //   m, e = math.frexp(x); y = round(m * 256) / 256 * 2.0**e;  bits = struct.unpack('<I', struct.pack('<f', y))[0] >> 16
    [Theory]
    [InlineData(0x3F800000u, 0x3F80)] // 1.0
    [InlineData(0x3F808000u, 0x3F80)] // 1 + 2^-8: a tie, to even (down)
    [InlineData(0x3F818000u, 0x3F82)] // 1 + 3·2^-8: a tie, to even (up)
    [InlineData(0x3F808001u, 0x3F81)] // just above the tie: up
    [InlineData(0x40490FDBu, 0x4049)] // π → 3.140625
    [InlineData(0xC77FE080u, 0xC780)] // -65504.5 → -65536
    [InlineData(0x3DCCCCCDu, 0x3DCD)] // 0.1 → 0.10009765625
    public void BFloat16Bits_RoundToNearestEven(uint floatBits, int expected)
    {
        Assert.Equal((ushort)expected, InputRounding.BFloat16Bits(BitConverter.UInt32BitsToSingle(floatBits)));
    }

    [Fact]
    public void Encode_WritesTheSameValuesRoundReturns()
    {
        float[] values = [1.00390625f, -3.1415927f, 0.1f, 65519f];
        foreach (var precision in new[] { InputPrecision.Float16, InputPrecision.BFloat16 })
        {
            var bytes = InputRounding.Encode(values, precision);
            Assert.Equal(values.Length * 2, bytes.Length);
            for (var i = 0; i < values.Length; i++)
            {
                var bits = BitConverter.ToUInt16(bytes, i * 2);
                var decoded = precision == InputPrecision.Float16
                    ? (float)BitConverter.UInt16BitsToHalf(bits)
                    : BitConverter.UInt32BitsToSingle((uint)bits << 16);
                Assert.Equal(InputRounding.Round(values[i], precision), decoded);
            }
        }
    }
}
