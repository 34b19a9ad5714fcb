using GraphRag.Answer;

namespace GraphRag.Tests.Answer;

public class BroadQuestionsTests
{
    [Theory]
    [InlineData("What are the main themes of my notes?")]
    [InlineData("what topics do these articles cover")]
    [InlineData("What are my notes about?")]
    [InlineData("Give me an overview of my notes")]
    [InlineData("What do the notes cover?")]
    public void Questions_about_the_notes_as_a_whole_are_broad(string question) =>
        Assert.True(BroadQuestions.IsBroad(question));

    [Theory]
    [InlineData("What is NDCG?")]
    [InlineData("What is the main problem with p-values?")]
    [InlineData("Which topic modelling method does the article use?")]
    public void Questions_about_one_thing_are_not(string question) =>
        Assert.False(BroadQuestions.IsBroad(question));
}
