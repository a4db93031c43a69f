using Microsoft.AspNetCore.TestHost;

namespace Clusterpact.Web.Tests.Infrastructure;

[Collection(AppCollection.Name)]
public sealed class JobRunnerTests(ClusterpactApp app)
{
    private sealed class CountingJob : IJobHandler
    {
        public string Kind => "Test.Count";

        public async Task<string> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct)
        {
            var n = JsonDocument.Parse(job.Input).RootElement.GetProperty("n").GetInt32();
            if (n < 0) throw new JobFailedException("Test.NegativeCount");
            for (var i = 1; i <= n; i++) await progress.ReportAsync(i / (double)n, $"{i}/{n}", ct);
            return JsonSerializer.Serialize(new { counted = n });
        }
    }

    /// <summary>Reports half its work, then waits until the test lets it finish.</summary>
    private sealed class GatedJob : IJobHandler
    {
        public static readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string Kind => "Test.Gated";

        public async Task<string> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct)
        {
            await progress.ReportAsync(0.5, "halfway", ct);
            await Release.Task.WaitAsync(ct);
            return "{}";
        }
    }

    [Fact]
    public async Task A_queued_job_runs_as_a_Quartz_job_and_its_progress_shows_while_it_runs()
    {
        using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IJobHandler, GatedJob>()));
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.Admin).Select(u => u.Id).SingleAsync());
        Guid id;
        await using (var scope = host.Services.CreateAsyncScope())
            id = await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync("Test.Gated", "{}", adminId, default);
        var admin = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = Emails.Admin, ["Input.Password"] = Web.Data.Seed.DemoLogins.Password })).StatusCode);
        try
        {
            var state = await RunningHalfwayAsync(admin, id);
            Assert.Equal("halfway", state.GetProperty("progressText").GetString());
            // The scheduler is running it: the background-job Quartz job, fired for this job.
            var scheduler = host.Services.GetRequiredService<ClusterpactScheduler>().Scheduler;
            var running = await scheduler.QueryFireInstances(new Quartz.FireInstanceQuery { Job = BackgroundJobExecution.Key });
            Assert.Contains(running.Items, f => f.TriggerKey.Name == $"job-{id:N}");
            // On PostgreSQL the progress is in the job's row: another node (the collection's host) shows it too.
            if (ClusterpactApp.OnPostgres) await RunningHalfwayAsync(await app.SignedInAsync(Emails.Admin), id);
        }
        finally
        {
            GatedJob.Release.TrySetResult();
        }
        var done = await WaitAsync(host, id);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(1.0, done.Progress);
    }

    private static async Task<JsonElement> RunningHalfwayAsync(HttpClient client, Guid id)
    {
        for (var i = 0; i < 200; i++)
        {
            var state = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}");
            if (state.GetProperty("status").GetString() == "Running" && state.GetProperty("progress").GetDouble() == 0.5) return state;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Job {id} did not show its progress in 10 s");
    }

    [Fact]
    public async Task A_job_runs_in_the_background_and_only_its_starter_sees_its_progress()
    {
        using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IJobHandler, CountingJob>()));
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.Admin).Select(u => u.Id).SingleAsync());
        Guid ok, failing;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
            ok = await queue.EnqueueAsync("Test.Count", """{"n":5}""", adminId, default);
            failing = await queue.EnqueueAsync("Test.Count", """{"n":-1}""", adminId, default);
        }
        var done = await WaitAsync(host, failing);
        Assert.Equal(JobStatus.Failed, done.Status);
        Assert.Equal("Test.NegativeCount", done.Error);
        var succeeded = await WaitAsync(host, ok);
        Assert.Equal(JobStatus.Succeeded, succeeded.Status);
        Assert.Equal(1.0, succeeded.Progress);
        Assert.Contains("\"counted\":5", succeeded.Result, StringComparison.Ordinal);

        var admin = await app.SignedInAsync(Emails.Admin);
        var state = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{ok}");
        Assert.Equal("Succeeded", state.GetProperty("status").GetString());
        var officer = await app.SignedInAsync(Emails.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/jobs/{ok}")).StatusCode);
    }

    private static async Task<BackgroundJob> WaitAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, Guid id)
    {
        for (var i = 0; i < 200; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.ClusterpactDbContext>();
            var job = await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == id);
            if (job.Status is JobStatus.Succeeded or JobStatus.Failed) return job;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Job {id} did not finish in 10 s");
    }
}
