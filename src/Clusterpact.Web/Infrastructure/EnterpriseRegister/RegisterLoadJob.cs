using System.Text.Json;

namespace Clusterpact.Web.Infrastructure.EnterpriseRegister;

/// <summary>The input of a register load: the extract's path on the server and the name to show; an upload is removed once loaded.</summary>
public sealed record RegisterLoadInput(string Path, string Source, bool Uploaded);

/// <summary>A register load as a background job (docs/decisions/0004): progress like an import's, the summary as its result.</summary>
public sealed class RegisterLoadJob(RegisterLoader loader, ClusterpactDbContext db) : IJobHandler
{
    public const string JobKind = "EnterpriseRegister";

    public string Kind => JobKind;

    public async Task<string> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct)
    {
        var input = JsonSerializer.Deserialize<RegisterLoadInput>(job.Input) ?? throw new JobFailedException("Register.NotAnExtract");
        if (!File.Exists(input.Path) && !Directory.Exists(input.Path)) throw new JobFailedException("Register.FileGone");
        var summary = await loader.LoadAsync(input.Path, input.Source, job.Id, progress, ct);
        if (input.Uploaded) TryDelete(input.Path);
        return JsonSerializer.Serialize(summary);
    }

    /// <summary>The load's merge commits its completion in the same transaction: a job that died after it succeeded.</summary>
    public Task<string?> CommittedResultAsync(BackgroundJob job, CancellationToken ct) =>
        db.RegisterLoads.Where(l => l.JobId == job.Id && l.Completed).Select(l => l.Summary).FirstOrDefaultAsync(ct);

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { /* an upload left behind is cleaned with the upload folder */ }
    }
}
