using System.Text.Json;

namespace Clusterpact.Web.Infrastructure.Import;

/// <summary>A choice the person makes for the whole file, besides the column mapping.</summary>
public enum ImportSetting
{
    /// <summary>Start of membership for rows that give none.</summary>
    DefaultMemberSince,

    /// <summary>The financial year the size figures in the file belong to.</summary>
    FiguresYear,
}

/// <summary>A link shown once an import is committed; <c>{0}</c> in the address is the cluster's id, <c>{0}</c> in the text its name.</summary>
public sealed record ImportLink(string HrefFormat, string TextKey);

/// <summary>What a kind's pages say and where they sit: resource keys and addresses.</summary>
public sealed record ImportPageText(
    string Path, string TitleKey, string IntroKey, string FileHelpKey, string ParentPath, string ParentTitleKey,
    string NotYourClusterKey, string LabelKey, string ReportFileName, IReadOnlyList<ImportLink> ResultLinks);

/// <summary>What a commit wrote, for the session and the job's result.</summary>
public sealed record ImportCounts(int Accepted, int Updated, int Rejected, int Skipped);

/// <summary>
/// The preview as pages show it, whatever the kind: the file, the mapping by field name, what is wrong with the mapping
/// (a message key), and the row-by-row report with each good row's record reduced to the label that names it.
/// </summary>
public sealed record ImportPreview(TabularData Data, IReadOnlyDictionary<int, string> Mapping, string? MappingError, ImportReport<string>? Report);

/// <summary>One kind of list the framework imports (members, projects), as the pages and the commit job see it.</summary>
public interface IImportKindDefinition
{
    ImportKind Kind { get; }
    ImportPageText Text { get; }
    IReadOnlyList<ImportSetting> Settings { get; }

    /// <summary>The fields a column can be mapped to, by name.</summary>
    IReadOnlyList<string> Fields { get; }

    /// <summary>The resource key of a field's label: "MemberField.Name".</summary>
    string FieldKey(string field);

    /// <summary>The mapping the header suggests by itself, as stored on the session.</summary>
    string AutoMap(IReadOnlyList<string?> header);

    /// <summary>The mapping the person chose (column to field name; unknown names are ignored), as stored on the session.</summary>
    string WriteMapping(IReadOnlyDictionary<int, string> mapping);

    /// <summary>The session's mapping: column to field name.</summary>
    IReadOnlyDictionary<int, string> MappingOf(ImportSession session);

    /// <summary>Reads the session's file and judges every row against the database as it is now.</summary>
    Task<ImportPreview> PreviewAsync(ImportSession session, CancellationToken ct);

    /// <summary>Reads and judges the whole file row by row without keeping it: what a commit would write now, or what is wrong with the mapping.</summary>
    Task<(string? MappingError, ImportCounts Counts)> CountAsync(ImportSession session, CancellationToken ct);

    /// <summary>Judges the file again and writes every good row in one transaction: all good rows or none.</summary>
    Task<ImportCounts> CommitAsync(ImportSession session, IJobProgress progress, CancellationToken ct);
}

/// <summary>Who commits an import and when: every audit row of the commit carries it (one change set).</summary>
public sealed record ImportAuditStamp(DateTimeOffset At, Guid? UserId, string UserName, Guid ChangeSetId);

/// <summary>
/// What a kind's writer gets: the good rows (accepted or updated, with their record) as they are read and judged
/// (enumerate once; the file is read while they are), the rows per round trip, the stamp for audit rows, and how far
/// into the file reading has come.
/// </summary>
public sealed record ImportWrite<TRecord>(ImportSession Session, IEnumerable<ImportRowResult<TRecord>> Good, int BatchSize, ImportAuditStamp Stamp, Func<double> FileFraction, IJobProgress Progress) where TRecord : class;

/// <summary>
/// The part of an import every kind shares: mapping, preview and the all-or-nothing commit. A kind declares its columns
/// (the domain's table), how rows are judged (the domain's validator, fed with what it needs from the database) and how
/// the good records are written. The commit streams: the file is read row by row, each row judged and handed to the
/// kind's writer, so a million-row list is never in memory. Its audit is the session (who, when, the file's SHA-256,
/// the counts and the row report kept beside the file) plus the rows the kind writes per record.
/// </summary>
public abstract class ImportKindDefinition<TField, TRecord>(ClusterpactDbContext db, TimeProvider clock, IServiceProvider services) : IImportKindDefinition
    where TField : struct, Enum where TRecord : class
{
    protected ClusterpactDbContext Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;

    /// <summary>Rows written per round trip inside the one transaction; bounds the memory a large file takes.</summary>
    public int BatchSize { get; set; } = 2000;

    public abstract ImportKind Kind { get; }
    public abstract ImportPageText Text { get; }
    public virtual IReadOnlyList<ImportSetting> Settings => [];
    protected abstract ImportColumns<TField> Columns { get; }

    /// <summary>What names a good row in the report (an organisation's name, a project's title).</summary>
    protected abstract string LabelOf(TRecord record);

    /// <summary>The verdict on each row as it is read (lazily: the commit does not keep the rows).</summary>
    protected abstract Task<IEnumerable<ImportRowResult<TRecord>>> JudgeAsync(ImportSession session, IReadOnlyDictionary<int, TField> mapping, IEnumerable<(int RowNumber, IReadOnlyList<string?> Cells)> rows, CancellationToken ct);

    /// <summary>Writes every good record inside the framework's transaction (which it commits with the session's mark).</summary>
    protected abstract Task WriteAsync(ImportWrite<TRecord> write, CancellationToken ct);

    public IReadOnlyList<string> Fields => Enum.GetNames<TField>();

    public string FieldKey(string field) => $"{typeof(TField).Name}.{field}";

    public string AutoMap(IReadOnlyList<string?> header) => JsonSerializer.Serialize(Columns.AutoMap(header));

    public string WriteMapping(IReadOnlyDictionary<int, string> mapping) => JsonSerializer.Serialize(mapping
        .Where(kv => Fields.Contains(kv.Value, StringComparer.Ordinal))
        .ToDictionary(kv => kv.Key, kv => Enum.Parse<TField>(kv.Value)));

    public static IReadOnlyDictionary<int, TField> ReadMapping(string json) =>
        (JsonSerializer.Deserialize<Dictionary<int, TField>>(json) ?? []).AsReadOnly();

    public IReadOnlyDictionary<int, string> MappingOf(ImportSession session) =>
        ReadMapping(session.Mapping).ToDictionary(kv => kv.Key, kv => kv.Value.ToString()).AsReadOnly();

    public async Task<ImportPreview> PreviewAsync(ImportSession session, CancellationToken ct)
    {
        var data = UploadStore.Read(session);
        var mapping = ReadMapping(session.Mapping);
        var byName = MappingOf(session);
        var check = Columns.CheckMapping(mapping);
        if (!check.IsSuccess) return new ImportPreview(data, byName, check.Error!.Code, null);
        var report = (await JudgeAsync(session, mapping, data.Rows.Select(r => (r.RowNumber, r.Cells)), ct)).ToList();
        var labelled = report.Select(r => new ImportRowResult<string>(r.RowNumber, r.Status, r.Record is null ? null : LabelOf(r.Record), r.Problems)).ToList();
        return new ImportPreview(data, byName, null, new ImportReport<string>(labelled));
    }

    public async Task<(string? MappingError, ImportCounts Counts)> CountAsync(ImportSession session, CancellationToken ct)
    {
        var mapping = ReadMapping(session.Mapping);
        var check = Columns.CheckMapping(mapping);
        if (!check.IsSuccess) return (check.Error!.Code, new ImportCounts(0, 0, 0, 0));
        using var file = UploadStore.Open(session);
        var counter = new Counter();
        foreach (var row in await JudgeAsync(session, mapping, file.Rows.Select(r => (r.RowNumber, r.Cells)), ct)) counter.Add(row.Status);
        return (null, counter.Counts);
    }

    public async Task<ImportCounts> CommitAsync(ImportSession session, IJobProgress progress, CancellationToken ct)
    {
        var mapping = ReadMapping(session.Mapping);
        if (!Columns.CheckMapping(mapping).IsSuccess) throw new JobFailedException("Import.MappingInvalid");
        var user = services.GetService<CurrentUser>();
        var sha256 = await FileHashAsync(session.StoredPath, ct);
        var counts = new ImportCounts(0, 0, 0, 0);

        // All good rows or none, in one transaction; PostgreSQL's retrying strategy runs it again from the start after a
        // dropped connection (nothing of a failed try was committed), reading the file again.
        var strategy = Db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(() => CommitOnceAsync(session, mapping, sha256, user, progress, c => counts = c, ct));
        }
        catch
        {
            // Nothing was committed: no report of a commit either.
            File.Delete(ReportPathOf(session));
            throw;
        }
        return counts;
    }

    private async Task CommitOnceAsync(ImportSession session, IReadOnlyDictionary<int, TField> mapping, string sha256, CurrentUser? user, IJobProgress progress,
        Action<ImportCounts> committed, CancellationToken ct)
    {
        Db.ChangeTracker.Clear();
        var stamp = new ImportAuditStamp(Clock.GetUtcNow(), user?.Id, user?.Name ?? "system", Guid.CreateVersion7());
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        using var file = UploadStore.Open(session);
        var counter = new Counter();
        var reportPath = ReportPathOf(session);
        await using (var report = new StreamWriter(reportPath, append: false, new System.Text.UTF8Encoding(true)))
        {
            await report.WriteLineAsync(ImportReportLines.Header);
            var verdicts = await JudgeAsync(session, mapping, file.Rows.Select(r => (r.RowNumber, r.Cells)), ct);
            using var enumerator = verdicts.GetEnumerator();
            await WriteAsync(new ImportWrite<TRecord>(session, GoodOf(enumerator, counter, report), Math.Max(1, BatchSize), stamp, () => file.Fraction, progress), ct);
            // The writer may stop at its last good record; the rows after it still count in the report.
            foreach (var _ in GoodOf(enumerator, counter, report)) throw new InvalidOperationException("The writer left good records unwritten.");
        }
        var counts = counter.Counts;
        var stored = await Db.ImportSessions.SingleAsync(s => s.Id == session.Id, ct);
        stored.Status = ImportSessionStatus.Committed;
        stored.CommittedAt = stamp.At;
        (stored.Accepted, stored.Updated, stored.Rejected, stored.Skipped) = (counts.Accepted, counts.Updated, counts.Rejected, counts.Skipped);
        Db.AuditEntries.Add(new AuditEntry
        {
            At = stamp.At, UserId = stamp.UserId, UserName = stamp.UserName, EntityType = nameof(ImportSession), EntityId = Format(session.Id)!,
            Action = AuditAction.Updated, Field = "Commit", ChangeSetId = stamp.ChangeSetId,
            NewValue = JsonSerializer.Serialize(new
            {
                Kind = session.Kind.ToString(), session.FileName, FileSha256 = sha256, Status = ImportSessionStatus.Committed.ToString(),
                counts.Accepted, counts.Updated, counts.Rejected, counts.Skipped, Report = Path.GetFileName(reportPath),
            }),
        });
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        committed(counts);
    }

    /// <summary>The row report of the commit, kept beside the stored file: one line per row, one per problem of a rejected row.</summary>
    public static string ReportPathOf(ImportSession session) => ImportReportLines.PathOf(session);

    /// <summary>Good records as they come, counting every verdict and writing the report line by line.</summary>
    private IEnumerable<ImportRowResult<TRecord>> GoodOf(IEnumerator<ImportRowResult<TRecord>> verdicts, Counter counter, StreamWriter report)
    {
        while (verdicts.MoveNext())
        {
            var row = verdicts.Current;
            counter.Add(row.Status);
            ImportReportLines.Write(report, row.RowNumber, row.Status, row.Record is null ? null : LabelOf(row.Record), row.Problems);
            if (row.Record is not null && row.Status is ImportRowStatus.Accepted or ImportRowStatus.Updated) yield return row;
        }
    }

    private static async Task<string> FileHashAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        return Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, ct));
    }

    /// <summary>A value as the audit trail writes it (<see cref="Audit.AuditInterceptor"/>).</summary>
    protected static string? Format(object? value) => Audit.AuditInterceptor.Format(value);

    /// <summary>
    /// The change-tracked way to write: one batch of good records at a time is added to the context and saved (the audit
    /// interceptor writes its rows). For lists of at most thousands of rows whose records are aggregates with children
    /// (projects); the member list writes set-based.
    /// </summary>
    protected async Task SaveInBatchesAsync(ImportWrite<TRecord> write, Func<IReadOnlyList<TRecord>, Task> addBatch, CancellationToken ct)
    {
        var good = write.Good.Select(r => r.Record!).ToList();
        Db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var start = 0; start < good.Count; start += write.BatchSize)
            {
                var batch = good.GetRange(start, Math.Min(write.BatchSize, good.Count - start));
                await addBatch(batch);
                Db.ChangeTracker.DetectChanges();
                await Db.SaveChangesAsync(ct);
                Db.ChangeTracker.Clear();
                await write.Progress.ReportAsync((start + batch.Count) / (double)good.Count, $"{start + batch.Count}/{good.Count}", ct);
            }
        }
        finally
        {
            Db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private sealed class Counter
    {
        private int _accepted, _updated, _rejected, _skipped;

        public void Add(ImportRowStatus status)
        {
            switch (status)
            {
                case ImportRowStatus.Accepted: _accepted++; break;
                case ImportRowStatus.Updated: _updated++; break;
                case ImportRowStatus.Rejected: _rejected++; break;
                default: _skipped++; break;
            }
        }

        public ImportCounts Counts => new(_accepted, _updated, _rejected, _skipped);
    }
}

/// <summary>
/// The row report of an import as CSV lines, one per row without problems and one per problem: what a commit keeps beside
/// the file and what the API's report answers before it.
/// </summary>
public static class ImportReportLines
{
    public const string Header = "row;status;label;field;problem;value";

    public static string PathOf(ImportSession session) => session.StoredPath + ".report.csv";

    public static IEnumerable<string> Of(int rowNumber, ImportRowStatus status, string? label, IReadOnlyList<ImportProblem> problems)
    {
        var row = rowNumber.ToString(CultureInfo.InvariantCulture);
        if (problems.Count == 0) yield return string.Join(';', row, status, Csv(label), "", "", "");
        foreach (var p in problems) yield return string.Join(';', row, status, "", p.FieldKey, p.Code, Csv(p.Value));
    }

    /// <summary>The same lines written straight to <paramref name="report"/> (a good row, most rows of a large list, without a string per line).</summary>
    public static void Write(TextWriter report, int rowNumber, ImportRowStatus status, string? label, IReadOnlyList<ImportProblem> problems)
    {
        if (problems.Count > 0 || (label is not null && NeedsQuotes(label)))
        {
            foreach (var line in Of(rowNumber, status, label, problems)) report.WriteLine(line);
            return;
        }
        Span<char> number = stackalloc char[11];
        rowNumber.TryFormat(number, out var written, default, CultureInfo.InvariantCulture);
        report.Write(number[..written]);
        report.Write(';');
        report.Write(EnumNames<ImportRowStatus>.Of(status));
        report.Write(';');
        report.Write(label);
        report.WriteLine(";;;");
    }

    private static bool NeedsQuotes(string value) => value.AsSpan().IndexOfAny(";\"\r\n") >= 0;

    private static string Csv(string? value) =>
        value is null ? "" : NeedsQuotes(value) ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
