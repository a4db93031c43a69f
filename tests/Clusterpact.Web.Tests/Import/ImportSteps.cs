using System.Net.Http.Headers;

namespace Clusterpact.Web.Tests.Import;

/// <summary>What a person does on any import's pages, for every kind: upload, commit, and wait for the background commit.</summary>
public static class ImportSteps
{
    /// <summary>Valid enterprise numbers no demo organisation has (the demo numbers start at 02).</summary>
    public static string Number(int seed)
    {
        var body = 1_000_000 + seed;
        return "0" + body.ToString("D7", System.Globalization.CultureInfo.InvariantCulture) + (97 - body % 97).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Posts the upload form of <paramref name="path"/> ("/Organisations/Import") with the file and any settings.</summary>
    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string path, Guid clusterId, byte[] file, string fileName, IDictionary<string, string>? settings = null) =>
        client.UploadAsync(path, clusterId.ToString(), file, fileName, settings);

    /// <summary>The upload with the cluster field as a person types it: a name, a part of one, or an id.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string path, string cluster, byte[] file, string fileName, IDictionary<string, string>? settings = null)
    {
        var page = await client.GetDocumentAsync(path);
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(cluster), "Input.ClusterId" },
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) form.Add(new StringContent(value), name);
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "Input.File", fileName);
        return await client.PostAsync(path, form);
    }

    public static Guid SessionId(string sessionUrl) => Guid.Parse(sessionUrl.Split('/')[^1]);

    /// <summary>Presses the commit button of the session page.</summary>
    public static Task<HttpResponseMessage> CommitAsync(this HttpClient client, string sessionUrl) =>
        client.SubmitFormAsync(sessionUrl, new Dictionary<string, string>(), f => f.GetAttribute("action")?.Contains("handler=Commit", StringComparison.Ordinal) == true);

    /// <summary>Follows the commit job as the page's script does (GET /api/v1/jobs/{id}) until it ends, then returns the session.</summary>
    public static async Task<(ImportSession Session, JobState Job)> WaitForCommitAsync(this ClusterpactApp app, HttpClient client, string sessionUrl)
    {
        var id = SessionId(sessionUrl);
        var jobId = await app.WithDbAsync(db => db.ImportSessions.Where(s => s.Id == id).Select(s => s.JobId).SingleAsync());
        Assert.NotNull(jobId);
        for (var i = 0; i < 300; i++)
        {
            var job = await client.GetFromJsonAsync<JobState>($"/api/v1/jobs/{jobId}", new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } });
            if (job!.Status is JobStatus.Succeeded or JobStatus.Failed)
                return (await app.WithDbAsync(db => db.ImportSessions.AsNoTracking().SingleAsync(s => s.Id == id)), job);
            await Task.Delay(50);
        }
        throw new TimeoutException("The import did not finish in 15 s");
    }

    /// <summary>Progress that records what it is told and fails at the given report, as a full disk would halfway.</summary>
    public sealed class Progress(int failAt = int.MaxValue) : IJobProgress
    {
        public List<double> Reported { get; } = [];

        public Task ReportAsync(double fraction, string? text, CancellationToken ct)
        {
            Reported.Add(fraction);
            return Reported.Count >= failAt ? throw new InvalidOperationException("disk full") : Task.CompletedTask;
        }
    }
}
