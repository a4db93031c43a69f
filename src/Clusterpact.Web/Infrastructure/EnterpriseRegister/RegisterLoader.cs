using System.Data.Common;
using System.Text;
using System.Text.Json;
using Clusterpact.Domain.EnterpriseRegister;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clusterpact.Web.Infrastructure.EnterpriseRegister;

/// <summary>Rows read from one CSV file and rows kept of them.</summary>
public sealed record RegisterFileCount(string File, long RowsRead, long RowsKept);

/// <summary>What a load did: per file, per kind of change, and how fast.</summary>
public sealed record RegisterLoadSummary(int ExtractNumber, ExtractType Type, DateOnly SnapshotDate, bool AlreadyLoaded, IReadOnlyList<RegisterFileCount> Files,
    long Added, long Changed, long Stopped, long Restarted, double Seconds)
{
    public long RowsRead => Files.Sum(f => f.RowsRead);
    public long RowsPerSecond => Seconds > 0 ? (long)(RowsRead / Seconds) : RowsRead;
}

/// <summary>
/// Loads one KBO extract (docs/decisions/0016-enterprise-register.md): checks its place in the order of extracts, stages
/// each CSV file in a transaction of its own (recording it in the load's row, so a rerun after an interruption goes on
/// with the next file), then merges all in one transaction that also marks the load completed. The files are streamed:
/// a zip entry is read row by row, and only the rows Clusterpact keeps are written.
/// </summary>
public sealed class RegisterLoader(ClusterpactDbContext db, TimeProvider clock, ILogger<RegisterLoader> log)
{
    private const int ReportEvery = 50_000;

    public async Task<RegisterLoadSummary> LoadAsync(string path, string sourceName, Guid? jobId, IJobProgress progress, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        using var files = OpenFiles(path);
        var meta = await ReadMetaAsync(files, ct);
        var postgres = db is PostgresClusterpactDbContext;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await RegisterStaging.CreateAsync(connection, postgres, ct);

            var lastCompleted = await db.RegisterLoads.AsNoTracking().Where(l => l.Completed).OrderByDescending(l => l.ExtractNumber).FirstOrDefaultAsync(ct);
            var interrupted = await db.RegisterLoads.Where(l => !l.Completed).OrderByDescending(l => l.StartedAt).FirstOrDefaultAsync(ct);
            var (decision, reason) = ExtractOrder.Decide(meta,
                lastCompleted is null ? null : new LoadedExtract(lastCompleted.ExtractNumber, lastCompleted.Type),
                interrupted is null ? null : new LoadedExtract(interrupted.ExtractNumber, interrupted.Type));
            if (decision == ExtractDecision.Refused) throw new JobFailedException(reason!);
            if (decision == ExtractDecision.AlreadyLoaded)
            {
                var before = lastCompleted!.Summary is { } json ? JsonSerializer.Deserialize<RegisterLoadSummary>(json) : null;
                return (before ?? new RegisterLoadSummary(meta.Number, meta.Type, meta.SnapshotDate, false, [], 0, 0, 0, 0, 0)) with { AlreadyLoaded = true };
            }

            RegisterLoad load;
            if (decision == ExtractDecision.Resume)
            {
                load = interrupted!;
                log.LogInformation("Register extract {Number} resumes after {Staged}", meta.Number, load.StagedFiles);
            }
            else
            {
                // A load of another extract that never finished changed nothing: its staged rows go.
                await RegisterStaging.ClearAsync(connection, null, postgres, ct);
                await db.RegisterLoads.Where(l => !l.Completed).ExecuteDeleteAsync(ct);
                load = new RegisterLoad
                {
                    ExtractNumber = meta.Number, Type = meta.Type, SnapshotDate = meta.SnapshotDate, ExtractTimestamp = Limit(meta.ExtractTimestamp, 40),
                    FormatVersion = Limit(meta.Version, 20), Source = Limit(sourceName, 300)!, StartedAt = clock.GetUtcNow(),
                };
                db.RegisterLoads.Add(load);
            }
            load.JobId = jobId;
            await db.SaveChangesAsync(ct);

            var counts = ParseStaged(load.StagedFiles);
            var toRead = KboFile.Of(meta.Type).Where(f => files.Has(f.Name)).ToList();
            var totalBytes = Math.Max(1, toRead.Sum(f => files.Length(f.Name)));
            long doneBytes = toRead.Where(f => counts.ContainsKey(f.Name)).Sum(f => files.Length(f.Name));
            // PostgreSQL's retrying execution strategy runs each transaction as one retriable unit; a retry stages the file again.
            var strategy = db.Database.CreateExecutionStrategy();
            foreach (var file in toRead.Where(f => !counts.ContainsKey(f.Name)))
            {
                var count = await strategy.ExecuteAsync(async () =>
                {
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    var staged = await StageAsync(files, file, tx.GetDbTransaction(), postgres, progress, doneBytes, totalBytes, ct);
                    // The file's rows and its mark commit together.
                    load.StagedFiles = string.Join('|', counts.Values.Append(staged).Select(c => $"{c.File}:{c.RowsRead}:{c.RowsKept}"));
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    return staged;
                });
                counts[file.Name] = count;
                doneBytes += files.Length(file.Name);
            }

            await progress.ReportAsync(0.95, "merge", ct);
            var summary = await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var dbTx = tx.GetDbTransaction();
                await RegisterMerge.RunAsync(connection, dbTx, meta.Type, meta.Number, postgres, ct);
                // The merge is set-based SQL: the register's kept answers (open data) learn of it by the stamp (decision 0020).
                await ReadModels.ReadModelStamps.BumpAsync(connection, dbTx, [ReadModels.ReadModelArea.EnterpriseRegister], ct);
                var changes = await RegisterMerge.ChangesAsync(connection, dbTx, meta.Number, ct);
                var done = new RegisterLoadSummary(meta.Number, meta.Type, meta.SnapshotDate, false, [.. counts.Values],
                    changes[nameof(RegisterChange.Added)], changes[nameof(RegisterChange.Changed)], changes[nameof(RegisterChange.Stopped)],
                    changes[nameof(RegisterChange.Restarted)], clock.GetElapsedTime(started).TotalSeconds);
                load.Completed = true;
                load.CompletedAt = clock.GetUtcNow();
                load.Summary = JsonSerializer.Serialize(done);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return done;
            });
            log.LogInformation("Register extract {Number} ({Type}) loaded: {Rows} rows in {Seconds:F1} s, {Added} added, {Changed} changed, {Stopped} stopped",
                meta.Number, meta.Type, summary.RowsRead, summary.Seconds, summary.Added, summary.Changed, summary.Stopped);
            await RegisterStaging.ClearAsync(connection, null, postgres, CancellationToken.None);
            await progress.ReportAsync(1, null, ct);
            return summary;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Stages one file in the caller's transaction, which it commits together with the load's mark.</summary>
    private async Task<RegisterFileCount> StageAsync(ExtractFiles files, KboFile file, DbTransaction tx, bool postgres, IJobProgress progress, long doneBytes, long totalBytes, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        long read = 0, kept = 0;
        await using var stream = new CountingStream(files.OpenFile(file.Name));
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        await using var csv = KboFile.Read(text);
        var map = file.Reader(csv);
        await using (var sink = RegisterStaging.Open(connection, tx, file.Table, postgres))
        {
            while (csv.Read())
            {
                ct.ThrowIfCancellationRequested();
                read++;
                if (map(csv) is { } row)
                {
                    await sink.AddAsync(row, ct);
                    kept++;
                }
                if (read % ReportEvery == 0)
                    await progress.ReportAsync(0.95 * (doneBytes + stream.Position) / totalBytes, $"{file.Name}: {read.ToString("N0", CultureInfo.GetCultureInfo("nl-BE"))}", ct);
            }
            await sink.CompleteAsync(ct);
        }
        await progress.ReportAsync(0.95 * (doneBytes + stream.Position) / totalBytes, $"{file.Name}: {read.ToString("N0", CultureInfo.GetCultureInfo("nl-BE"))}", ct);
        return new RegisterFileCount(file.Name, read, kept);
    }

    private static ExtractFiles OpenFiles(string path)
    {
        try
        {
            return ExtractFiles.Open(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new JobFailedException("Register.NotAnExtract");
        }
    }

    private static async Task<ExtractMeta> ReadMetaAsync(ExtractFiles files, CancellationToken ct)
    {
        if (!files.Has("meta.csv")) throw new JobFailedException("Register.NotAnExtract");
        var pairs = new List<(string, string?)>();
        await using var stream = files.OpenFile("meta.csv");
        using var text = new StreamReader(stream, Encoding.UTF8);
        await using var csv = KboFile.Read(text);
        while (await csv.ReadAsync(ct)) pairs.Add((csv.GetString(0), csv.FieldCount > 1 ? csv.GetString(1) : null));
        var meta = ExtractMeta.Parse(pairs);
        return meta.IsSuccess ? meta.Value! : throw new JobFailedException(meta.Error!.Code);
    }

    private static Dictionary<string, RegisterFileCount> ParseStaged(string staged) =>
        staged.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split(':'))
            .Select(p => new RegisterFileCount(p[0], long.Parse(p[1], CultureInfo.InvariantCulture), long.Parse(p[2], CultureInfo.InvariantCulture)))
            .ToDictionary(c => c.File, StringComparer.OrdinalIgnoreCase);

    private static string? Limit(string? s, int max) => s is null || s.Length <= max ? s : s[..max];

    /// <summary>How far into a file the reader is (a zip entry's stream cannot say), for the progress.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) { var n = inner.Read(buffer, offset, count); _position += n; return n; }
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            _position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }
}
