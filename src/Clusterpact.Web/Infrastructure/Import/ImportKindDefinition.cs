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

    /// <summary>Reads the session's file and judges every row against the database as it is now.</summary>
    Task<ImportPreview> PreviewAsync(ImportSession session, CancellationToken ct);

    /// <summary>Judges the file again and writes every good row in one transaction: all good rows or none.</summary>
    Task<ImportCounts> CommitAsync(ImportSession session, IJobProgress progress, CancellationToken ct);
}

/// <summary>
/// The part of an import every kind shares: mapping, preview and the all-or-nothing commit in batches. A kind declares its
/// columns (the domain's table), how rows are judged (the domain's validator, fed with what it needs from the database)
/// and how one batch of good records is written.
/// </summary>
public abstract class ImportKindDefinition<TField, TRecord>(ClusterpactDbContext db, TimeProvider clock) : IImportKindDefinition
    where TField : struct, Enum where TRecord : class
{
    protected ClusterpactDbContext Db { get; } = db;

    /// <summary>Rows saved per round trip inside the one transaction; bounds the memory a 100,000-row file takes.</summary>
    public int BatchSize { get; set; } = 2000;

    public abstract ImportKind Kind { get; }
    public abstract ImportPageText Text { get; }
    public virtual IReadOnlyList<ImportSetting> Settings => [];
    protected abstract ImportColumns<TField> Columns { get; }

    /// <summary>What names a good row in the report (an organisation's name, a project's title).</summary>
    protected abstract string LabelOf(TRecord record);

    protected abstract Task<ImportReport<TRecord>> ValidateAsync(ImportSession session, IReadOnlyDictionary<int, TField> mapping, IEnumerable<(int RowNumber, IReadOnlyList<string?> Cells)> rows, CancellationToken ct);

    /// <summary>Adds or changes one batch of good records in the context; the framework saves them inside its transaction.</summary>
    protected abstract Task WriteBatchAsync(ImportSession session, IReadOnlyList<TRecord> batch, CancellationToken ct);

    public IReadOnlyList<string> Fields => Enum.GetNames<TField>();

    public string FieldKey(string field) => $"{typeof(TField).Name}.{field}";

    public string AutoMap(IReadOnlyList<string?> header) => JsonSerializer.Serialize(Columns.AutoMap(header));

    public string WriteMapping(IReadOnlyDictionary<int, string> mapping) => JsonSerializer.Serialize(mapping
        .Where(kv => Fields.Contains(kv.Value, StringComparer.Ordinal))
        .ToDictionary(kv => kv.Key, kv => Enum.Parse<TField>(kv.Value)));

    public static IReadOnlyDictionary<int, TField> ReadMapping(string json) =>
        (JsonSerializer.Deserialize<Dictionary<int, TField>>(json) ?? []).AsReadOnly();

    public async Task<ImportPreview> PreviewAsync(ImportSession session, CancellationToken ct)
    {
        var data = UploadStore.Read(session);
        var mapping = ReadMapping(session.Mapping);
        var byName = mapping.ToDictionary(kv => kv.Key, kv => kv.Value.ToString()).AsReadOnly();
        var check = Columns.CheckMapping(mapping);
        if (!check.IsSuccess) return new ImportPreview(data, byName, check.Error!.Code, null);
        var report = await ValidateAsync(session, mapping, RowsOf(data), ct);
        var labelled = report.Rows.Select(r => new ImportRowResult<string>(r.RowNumber, r.Status, r.Record is null ? null : LabelOf(r.Record), r.Problems)).ToList();
        return new ImportPreview(data, byName, null, new ImportReport<string>(labelled));
    }

    public async Task<ImportCounts> CommitAsync(ImportSession session, IJobProgress progress, CancellationToken ct)
    {
        var batchSize = Math.Max(1, BatchSize);
        var data = UploadStore.Read(session);
        var mapping = ReadMapping(session.Mapping);
        if (!Columns.CheckMapping(mapping).IsSuccess) throw new JobFailedException("Import.MappingInvalid");
        var report = await ValidateAsync(session, mapping, RowsOf(data), ct);
        var good = report.Good.ToList();
        var counts = new ImportCounts(report.Accepted, report.Updated, report.Rejected, report.Skipped);

        // All good rows or none, in one transaction; PostgreSQL's retrying strategy runs it again from the start after a
        // dropped connection (nothing of a failed try was committed).
        var strategy = Db.Database.CreateExecutionStrategy();
        var tries = 0;
        await strategy.ExecuteAsync(async () =>
        {
            if (tries++ > 0) Db.ChangeTracker.Clear();
            await using var tx = await Db.Database.BeginTransactionAsync(ct);
            Db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                for (var start = 0; start < good.Count; start += batchSize)
                {
                    var batch = good.GetRange(start, Math.Min(batchSize, good.Count - start));
                    await WriteBatchAsync(session, batch, ct);
                    Db.ChangeTracker.DetectChanges();
                    await Db.SaveChangesAsync(ct);
                    Db.ChangeTracker.Clear();
                    await progress.ReportAsync((start + batch.Count) / (double)good.Count, $"{start + batch.Count}/{good.Count}", ct);
                }
                var stored = await Db.ImportSessions.SingleAsync(s => s.Id == session.Id, ct);
                stored.Status = ImportSessionStatus.Committed;
                stored.CommittedAt = clock.GetUtcNow();
                (stored.Accepted, stored.Updated, stored.Rejected, stored.Skipped) = (counts.Accepted, counts.Updated, counts.Rejected, counts.Skipped);
                Db.ChangeTracker.DetectChanges();
                await Db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            finally
            {
                Db.ChangeTracker.AutoDetectChangesEnabled = true;
            }
        });
        return counts;
    }

    private static IEnumerable<(int RowNumber, IReadOnlyList<string?> Cells)> RowsOf(TabularData data) => data.Rows.Select(r => (r.RowNumber, r.Cells));
}
