using System.CommandLine;
using GraphRag.Answer;
using GraphRag.Evaluation.Answers;
using GraphRag.Evaluation.Notes;
using GraphRag.Evaluation.Runs;
using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Cli.Commands.Eval;

/// <summary><c>eval --answers</c>: asks eval/notes/answers.jsonl's questions (all, dev or test) and grades the answers.</summary>
public static class AnswerEvalRunner
{
    public static async Task<AnswerResults> RunAsync(ParseResult parse, string queries, string? mode, IProgress<string> progress,
        CancellationToken cancellationToken)
    {
        var directory = NotesMapping.LocateDefaultSet();
        using var host = CliHost.Build(parse);
        Guards.RequireIngested(host.Services);
        var questions = AnswerEvalSet.Read(directory);
        var selected = queries switch
        {
            QuerySplit.Dev => questions.Where(q => QuerySplit.IsDev(q.Id)).ToList(),
            QuerySplit.Test => questions.Where(q => !QuerySplit.IsDev(q.Id)).ToList(),
            _ => questions,
        };
        var grader = AnswerGrader.Create(host.Services.GetRequiredService<ArticleStore>(), selected);
        var evaluation = new AnswerEvaluation(host.Services.GetRequiredService<IAnswerer>(), grader, mode);
        return await evaluation.RunAsync(EvalDatasetRunner.NotesDataset, queries, selected, progress, cancellationToken);
    }
}
