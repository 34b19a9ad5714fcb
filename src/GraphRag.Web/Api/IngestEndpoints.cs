using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using GraphRag.Ingest;
using GraphRag.Web.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace GraphRag.Web.Api;

/// <summary>
/// Ingestion from the web: upload files, or name a file or folder under one of the server's ingest
/// roots; either starts a job and answers 202 with its id. Follow it by polling
/// /api/ingest/jobs/{id} or streaming .../events; cancel it with POST .../cancel.
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
                jobs.RequireRoom();
                var form = await request.ReadFormAsync(cancellationToken);
                var saved = await uploads.SaveAsync(form.Files, cancellationToken);
                var job = jobs.Start($"upload: {string.Join(", ", saved.Select(Path.GetFileName))}", SourceFiles.Expand(saved), prune: false);
                return Accepted(job);
            })
            // The body is read by hand (no antiforgery token: SameOriginGuard refuses cross-site posts).
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: options.MaxUploadBytes)
            .WithName("IngestFiles")
            .WithSummary("Upload files (multipart/form-data, field \"files\") and ingest them");

        api.MapPost("/ingest/folder", (FolderRequest request, IngestRoots roots, IngestionJobs jobs) =>
            {
                if (string.IsNullOrWhiteSpace(request.Path))
                    throw new ArgumentException("Give the folder or file to ingest as {\"path\": \"...\"}.");
                var path = roots.Admit(request.Path);
                jobs.RequireRoom();
                // Expanded here, within the limits, so a request naming a huge tree is refused before any work.
                var sources = SourceFiles.Expand([path], new SourceLimits(options.MaxFolderFiles, options.MaxFolderBytes), roots.Refusal);
                return Accepted(jobs.Start($"folder: {path}", sources, request.Prune));
            })
            .WithName("IngestFolder")
            .WithSummary("Ingest a file or folder under one of the server's ingest roots (prune: forget files that have disappeared)");

        api.MapGet("/ingest/jobs", (IngestionJobs jobs) => TypedResults.Ok(jobs.List()))
            .WithName("ListIngestionJobs");

        api.MapGet("/ingest/jobs/{id}", Results<Ok<JobSnapshot>, ProblemHttpResult> (string id, IngestionJobs jobs) =>
                jobs.Find(id) is { } job ? TypedResults.Ok(job.Snapshot()) : ApiProblems.NotFound($"No ingestion job has id '{id}'."))
            .WithName("GetIngestionJob");

        api.MapPost("/ingest/jobs/{id}/cancel", Results<Accepted<JobSnapshot>, ProblemHttpResult> (string id, IngestionJobs jobs) =>
            {
                if (jobs.Find(id) is not { } job)
                    return ApiProblems.NotFound($"No ingestion job has id '{id}'.");
                return job.Cancel()
                    ? TypedResults.Accepted($"/api/ingest/jobs/{Uri.EscapeDataString(id)}", job.Snapshot())
                    : ApiProblems.Conflict($"Ingestion job '{id}' has already finished ({job.Snapshot().State}).");
            })
            .WithName("CancelIngestionJob")
            .WithSummary("Stop a job after the file it is writing; what it wrote stays");

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
