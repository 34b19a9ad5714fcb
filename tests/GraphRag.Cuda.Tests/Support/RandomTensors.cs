namespace GraphRag.Cuda.Tests.Support;

/// <summary>Seeded standard-normal test data (Box–Muller), so every run sees the same numbers.</summary>
public static class RandomTensors
{
    public static float[] Normal(int count, int seed, float std = 1f)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            values[i] = (float)(std * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        return values;
    }
}
