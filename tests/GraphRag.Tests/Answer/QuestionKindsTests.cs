using GraphRag.Answer;

namespace GraphRag.Tests.Answer;

public sealed class QuestionKindsTests
{
    [Theory]
    [InlineData("How many UK deaths did tobacco cause in 2021?", QuestionKind.Number)]
    [InlineData("What percentage of papers report significant results?", QuestionKind.Number)]
    [InlineData("Why is a p-value not the probability that a claim is true?", QuestionKind.Reason)]
    [InlineData("What is the difference between self-attention and cross-attention?", QuestionKind.Comparison)]
    [InlineData("How can SQL queries be made faster?", QuestionKind.Procedure)]
    [InlineData("What is a knowledge graph?", QuestionKind.Definition)]
    [InlineData("Tell me about Karpathy.", QuestionKind.Other)]
    public void The_wording_of_a_question_says_what_it_asks_for(string question, QuestionKind kind) =>
        Assert.Equal(kind, QuestionKinds.Classify(question));

    [Fact]
    public void A_number_question_is_fitted_by_a_sentence_with_a_number_and_a_reason_question_by_a_because()
    {
        Assert.True(QuestionKinds.Fits(QuestionKind.Number, "It reached 1 million users in 5 days."));
        Assert.False(QuestionKinds.Fits(QuestionKind.Number, "It reached many users quickly."));
        Assert.True(QuestionKinds.Fits(QuestionKind.Reason, "It fails because the sample is huge."));
        Assert.False(QuestionKinds.Fits(QuestionKind.Reason, "The sample is huge."));
    }

    [Fact]
    public void A_question_asking_why_something_is_not_so_is_fitted_by_a_sentence_that_denies_it()
    {
        const string sentence = "Statistical significance does not mean ‘There is Y% chance X is true’.";
        Assert.True(QuestionKinds.IsNegated("Why is a p-value not the probability that a claim is true?"));
        Assert.False(QuestionKinds.IsNegated("Why is a p-value useful?"));
        Assert.True(QuestionKinds.Fits(QuestionKind.Reason, sentence, negated: true));
        Assert.False(QuestionKinds.Fits(QuestionKind.Reason, sentence, negated: false));
    }
}
