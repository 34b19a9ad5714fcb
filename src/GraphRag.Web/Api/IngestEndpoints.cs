using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using GraphRag.Web.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace GraphRag.Web.Api;

/// <summary>
/// Ingestion from the web: upload files or name a folder on the server; either starts a job and
/// answers 202 with its id. Follow it by polling /api/ingest/jobs/{id} or streaming .../events.
/// </summary>
public static class IngestEndpoints
{
    public sealed record FolderRequest(string? Path, bool Prune = false);

    public static void Map(RouteGroupBuilder api, WebAppOptions options)
    {
        api.MapPost("/ingest/files", async (HttpRequest request, UploadFolder uploads, IngestionJobs jobs, CancellationToken cancellationToken) =>
            {
                if (!request.HasFormContentType)
                    throw new ArgumentException("Send the files as multipart/form-data.");
                var form = await request.ReadFormAsync(cancellationToken);
                var saved = await uploads.SaveAsync(form.Files, cancellationToken);
                var job = jobs.Start($"upload: {string.Join(", ", saved.Select(Path.GetFileName))}", saved, prune: false);
                return Accepted(job);
            })
            // The body is read by hand (no antiforgery token: SameOriginGuard refuses cross-site posts).
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: options.MaxUploadBytes)
            .WithName("IngestFiles")
            .WithSummary("Upload files (multipart/form-data, field \"files\") and ingest them");

        api.MapPost("/ingest/folder", (FolderRequest request, IngestionJobs jobs) =>
            {
                if (string.IsNullOrWhiteSpace(request.Path))
                    throw new ArgumentException("Give the folder or file to ingest as {\"path\": \"...\"}.");
                var path = Path.GetFullPath(request.Path);
                if (!Directory.Exists(path) && !File.Exists(path))
                    throw new DirectoryNotFoundException($"{path}: no such file or folder on the server.");
                return Accepted(jobs.Start($"folder: {path}", [path], request.Prune));
            })
            .WithName("IngestFolder")
            .WithSummary("Ingest a file or folder on the server (prune: forget files that have disappeared)");

        api.MapGet("/ingest/jobs", (IngestionJobs jobs) => TypedResults.Ok(jobs.List()))
            .WithName("ListIngestionJobs");

        api.MapGet("/ingest/jobs/{id}", Results<Ok<JobSnapshot>, ProblemHttpResult> (string id, IngestionJobs jobs) =>
                jobs.Find(id) is { } job ? TypedResults.Ok(job.Snapshot()) : ApiProblems.NotFound($"No ingestion job has id '{id}'."))
            .WithName("GetIngestionJob");

        api.MapGet("/ingest/jobs/{id}/events", Results<ServerSentEventsResult<JobSnapshot>, ProblemHttpResult> (string id, IngestionJobs jobs,
                CancellationToken cancellationToken) =>
                jobs.Find(id) is { } job
                    ? TypedResults.ServerSentEvents(Follow(job, cancellationToken))
                    : ApiProblems.NotFound($"No ingestion job has id '{id}'."))
            .WithName("FollowIngestionJob")
            .WithSummary("Server-Sent Events: a \"progress\" snapshot after each file, then one \"done\"");
    }

    private static AcceptedAtRoute<JobSnapshot> Accepted(IngestionJob job) =>
        TypedResults.AcceptedAtRoute(job.Snapshot(), "GetIngestionJob", new { id = job.Id });

    private static async IAsyncEnumerable<SseItem<JobSnapshot>> Follow(IngestionJob job, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = job.NextChange();
            var snapshot = job.Snapshot();
            if (snapshot.State != JobState.Running)
            {
                yield return new SseItem<JobSnapshot>(snapshot, "done");
                yield break;
            }
            yield return new SseItem<JobSnapshot>(snapshot, "progress");
            await changed.WaitAsync(cancellationToken);
        }
    }
}
