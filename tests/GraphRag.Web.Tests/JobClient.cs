using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GraphRag.Web.Tests;

/// <summary>Starts ingestion jobs through the API and waits for them, as the page does.</summary>
public static class JobClient
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> Upload(HttpClient client, params (string Name, string Text)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, text) in files)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
            form.Add(content, "files", name);
        }
        return client.PostAsync("/api/ingest/files", form, Ct);
    }

    /// <summary>Polls the job until it is no longer running (at most 120 s) and returns its last state.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var job = await Json.GetAsync(client, $"/api/ingest/jobs/{id}");
            if (job.GetProperty("state").GetString() != "Running")
                return job;
            Assert.True(DateTime.UtcNow < deadline, $"Job {id} still running after 120 s");
            await Task.Delay(50, Ct);
        }
    }

    public static string Id(JsonElement job) => job.GetProperty("id").GetString()!;
}
