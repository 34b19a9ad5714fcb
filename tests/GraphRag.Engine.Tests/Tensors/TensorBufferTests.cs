using GraphRag.Engine.Tensors;

namespace GraphRag.Engine.Tests.Tensors;

public class TensorBufferTests
{
    [Fact]
    public void Allocated_tensors_are_zeroed_even_when_the_pool_hands_back_a_used_buffer()
    {
        using (var first = TensorBuffer.Allocate(4, 8)) first.Span.Fill(3f);
        using var second = TensorBuffer.Allocate(4, 8);
        Assert.All(second.Span.ToArray(), x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Rows_view_the_tensor_as_a_matrix_over_its_last_dimension()
    {
        var data = Enumerable.Range(0, 24).Select(i => (float)i).ToArray();
        using var tensor = TensorBuffer.Wrap(data, 2, 3, 4);
        Assert.Equal(6, tensor.Rows);
        Assert.Equal(4, tensor.Columns);
        Assert.Equal([20f, 21f, 22f, 23f], tensor.Row(5).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => tensor.Row(6));
    }

    [Fact]
    public void Wrapping_an_array_of_the_wrong_size_names_both_sizes()
    {
        var error = Assert.Throws<ArgumentException>(() => TensorBuffer.Wrap(new float[5], 2, 3));
        Assert.Contains("needs 6 elements but the array has 5", error.Message);
    }

    [Fact]
    public void A_disposed_tensor_cannot_be_read()
    {
        var tensor = TensorBuffer.Allocate(3);
        tensor.Dispose();
        tensor.Dispose(); // idempotent
        Assert.Throws<ObjectDisposedException>(() => tensor.Span.Length);
    }
}
