using System.Text.Json;

namespace Clusterpact.Web.Infrastructure.Import;

/// <summary>What an upload came to: the new session, or the form field and message key of what is wrong.</summary>
public sealed record ImportUpload(Guid? SessionId, string? Field = null, string? ErrorKey = null);

/// <summary>
/// Upload, mapping, commit and the right to do them, for every kind of import. One rule for who may import: agency staff
/// for any cluster, a cluster manager only for the clusters in their scope; an import is seen only by the person who
/// uploaded it (and administrators), and only while they still have that right.
/// </summary>
public sealed class ImportWorkflow(ClusterpactDbContext db, IEnumerable<IImportKindDefinition> kinds, CurrentUser user, Scope scope, Permissions permissions, UploadStore uploads, JobQueue jobs, TimeProvider clock)
{
    public IImportKindDefinition Kind(ImportKind kind) => kinds.Single(k => k.Kind == kind);

    /// <summary>The clusters the signed-in person may import into.</summary>
    public IQueryable<Cluster> Clusters() => scope.ClustersToActOn();

    /// <summary>The name of the cluster an import is for, as its pages title it.</summary>
    public Task<string> ClusterNameAsync(Guid clusterId, CancellationToken ct) => db.Clusters.Where(c => c.Id == clusterId).Select(c => c.Name).SingleAsync(ct);

    public async Task<ImportSession?> FindAsync(ImportKind kind, Guid id, CancellationToken ct)
    {
        var isAdmin = await permissions.HasAsync(Policies.Administration);
        var allowed = Clusters();
        return await db.ImportSessions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == id && s.Kind == kind && (isAdmin || s.CreatedBy == user.Id) && allowed.Any(c => c.Id == s.ClusterId), ct);
    }

    public Task<List<ImportSession>> RecentAsync(ImportKind kind, CancellationToken ct) =>
        db.ImportSessions.AsNoTracking().Where(s => s.CreatedBy == user.Id && s.Kind == kind).OrderByDescending(s => s.CreatedAt).Take(10).ToListAsync(ct);

    /// <summary>Stores the file, checks it can be read and maps its columns by their names.</summary>
    public async Task<ImportUpload> UploadAsync(ImportKind kind, Guid clusterId, IFormFile file, DateOnly defaultMemberSince, int figuresYear, CancellationToken ct)
    {
        var definition = Kind(kind);
        if (!await Clusters().AnyAsync(c => c.Id == clusterId, ct)) return new ImportUpload(null, "Input.ClusterId", definition.Text.NotYourClusterKey);
        var (format, error) = UploadStore.Check(file);
        if (error is not null) return new ImportUpload(null, "Input.File", error);
        var session = new ImportSession
        {
            CreatedBy = user.Id!.Value, CreatedAt = clock.GetUtcNow(), ClusterId = clusterId, Kind = kind, FileName = Path.GetFileName(file.FileName),
            Format = format!.Value, DefaultMemberSince = defaultMemberSince, FiguresYear = figuresYear, Status = ImportSessionStatus.Uploaded,
        };
        session.StoredPath = await uploads.SaveAsync(file, session.Id, format.Value, ct);
        try
        {
            session.Mapping = definition.AutoMap(UploadStore.Read(session).Header);
        }
        catch (TabularFileException ex)
        {
            File.Delete(session.StoredPath);
            return new ImportUpload(null, "Input.File", ex.MessageKey);
        }
        db.ImportSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return new ImportUpload(session.Id);
    }

    /// <summary>The mapping and settings the person chose; only before the commit.</summary>
    public Task SaveMappingAsync(ImportSession session, IReadOnlyDictionary<int, string> mapping, DateOnly defaultMemberSince, int figuresYear, CancellationToken ct)
    {
        var json = Kind(session.Kind).WriteMapping(mapping);
        return db.ImportSessions.Where(s => s.Id == session.Id && (s.Status == ImportSessionStatus.Uploaded || s.Status == ImportSessionStatus.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Mapping, json).SetProperty(x => x.DefaultMemberSince, defaultMemberSince).SetProperty(x => x.FiguresYear, figuresYear), ct);
    }

    /// <summary>Starts the background commit; null when it started, otherwise the message key of why not.</summary>
    public async Task<string?> StartCommitAsync(ImportSession session, CancellationToken ct)
    {
        if (session.Status is not (ImportSessionStatus.Uploaded or ImportSessionStatus.Failed)) return null;
        (string? MappingError, ImportCounts Counts) judged;
        try
        {
            // Counted row by row as the file is read: a million-row list is not held in the request.
            judged = await Kind(session.Kind).CountAsync(session, ct);
        }
        catch (Exception ex) when (ex is TabularFileException or IOException)
        {
            return "Import.FileGone";
        }
        if (judged.MappingError is not null || judged.Counts.Accepted + judged.Counts.Updated == 0) return judged.MappingError ?? "Import.NothingToCommit";
        // Claim the session so a double click cannot start two commits.
        var claimed = await db.ImportSessions.Where(s => s.Id == session.Id && (s.Status == ImportSessionStatus.Uploaded || s.Status == ImportSessionStatus.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ImportSessionStatus.Committing), ct);
        if (claimed == 0) return null;
        var jobId = await jobs.EnqueueAsync(ImportJob.JobKind, JsonSerializer.Serialize(new { sessionId = session.Id }), user.Id, ct);
        await db.ImportSessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.JobId, jobId), ct);
        return null;
    }
}

/// <summary>The job that commits an import of any kind, so a 100,000-row file shows its progress instead of timing out a request.</summary>
public sealed class ImportJob(ClusterpactDbContext db, IEnumerable<IImportKindDefinition> kinds) : IJobHandler
{
    public const string JobKind = "Import.Commit";
    public string Kind => JobKind;

    public async Task<string> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct)
    {
        var sessionId = JsonDocument.Parse(job.Input).RootElement.GetProperty("sessionId").GetGuid();
        var session = await db.ImportSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
        try
        {
            return JsonSerializer.Serialize(await kinds.Single(k => k.Kind == session.Kind).CommitAsync(session, progress, ct));
        }
        catch
        {
            // Nothing was written (the transaction rolled back); the session says so and can be committed again.
            db.ChangeTracker.Clear();
            await db.ImportSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ImportSessionStatus.Failed), CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// The commit marks its session Committed in its own transaction: after a crash, a committed session means every good
    /// row is in the register, any other state means none is (and the session may be committed again).
    /// </summary>
    public async Task<string?> CommittedResultAsync(BackgroundJob job, CancellationToken ct)
    {
        if (!JsonDocument.Parse(job.Input).RootElement.TryGetProperty("sessionId", out var property) || !property.TryGetGuid(out var sessionId)) return null;
        var session = await db.ImportSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is { Status: ImportSessionStatus.Committed })
            return JsonSerializer.Serialize(new ImportCounts(session.Accepted, session.Updated, session.Rejected, session.Skipped));
        if (session is not null)
            await db.ImportSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ImportSessionStatus.Failed), ct);
        return null;
    }
}

public static class ImportServices
{
    /// <summary>The framework and its kinds; each kind is also resolvable by its own type (tests set its batch size).</summary>
    public static IServiceCollection AddImportKind<TKind>(this IServiceCollection services) where TKind : class, IImportKindDefinition =>
        services.AddScoped<TKind>().AddScoped<IImportKindDefinition>(sp => sp.GetRequiredService<TKind>());

    public static IServiceCollection AddClusterpactImports(this IServiceCollection services) =>
        services.AddScoped<UploadStore>().AddScoped<ImportWorkflow>().AddScoped<IJobHandler, ImportJob>();
}
