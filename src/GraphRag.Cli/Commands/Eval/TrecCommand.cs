using System.CommandLine;
using System.Globalization;
using GraphRag.Evaluation.Trec;

namespace GraphRag.Cli.Commands.Eval;

/// <summary><c>eval trec QRELS RUN [--json] [-q] [-c]</c>: scores a TREC run file the way trec_eval does.</summary>
public static class TrecCommand
{
    public static Command Create()
    {
        var qrels = new Argument<string>("qrels") { Description = "TREC qrels file (qid iter docno rel)" };
        var run = new Argument<string>("run") { Description = "TREC run file (qid Q0 docno rank score tag)" };
        var json = new Option<bool>("--json") { Description = "Print {\"all\": {measure: value}, \"perQuery\": {qid: {measure: value}}}" };
        var perQuery = new Option<bool>("--per-query", "-q") { Description = "Also print each query's figures (trec_eval -q)" };
        var complete = new Option<bool>("--complete", "-c") { Description = "Average over every judged query; missing ones score 0 (trec_eval -c)" };
        var command = new Command("trec", "Score a TREC run against qrels exactly as trec_eval 9/10 does") { qrels, run, json, perQuery, complete };
        command.SetGuardedAction((parse, _) =>
        {
            var evaluation = TrecEvaluation.Evaluate(Qrels.Read(parse.GetValue(qrels)!), TrecRun.Read(parse.GetValue(run)!),
                completeQrels: parse.GetValue(complete));
            if (parse.GetValue(json))
                CliJson.Write(new { all = evaluation.All, perQuery = evaluation.PerQuery });
            else
                Print(evaluation, parse.GetValue(perQuery));
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>trec_eval's layout: measure (left-aligned, 22 wide), query id, value with 4 decimals.</summary>
    private static void Print(TrecEvaluation evaluation, bool perQuery)
    {
        if (perQuery)
            foreach (var (queryId, values) in evaluation.PerQuery)
                foreach (var (measure, value) in values)
                    Console.Out.WriteLine(Line(measure, queryId, value));
        Console.Out.WriteLine(Line("num_q", "all", evaluation.PerQuery.Count, integer: true));
        foreach (var (measure, value) in evaluation.All)
            Console.Out.WriteLine(Line(measure, "all", value));
    }

    private static string Line(string measure, string queryId, double value, bool integer = false) =>
        string.Create(CultureInfo.InvariantCulture, $"{measure,-22}\t{queryId}\t{(integer ? value.ToString("F0", CultureInfo.InvariantCulture) : value.ToString("F4", CultureInfo.InvariantCulture))}");
}
