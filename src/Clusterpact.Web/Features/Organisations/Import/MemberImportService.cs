using System.Text.Json;
using Clusterpact.Domain.Common;
using Clusterpact.Domain.Members;
using Clusterpact.Web.Data;
using Clusterpact.Web.Infrastructure.Import;
using Clusterpact.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Clusterpact.Web.Features.Organisations.Import;

public sealed record ImportPreview(ImportSession Session, TabularData Data, IReadOnlyDictionary<int, MemberField> Mapping, string? MappingError, ImportReport<MemberImportRecord>? Report);

/// <summary>Reads a session's file, applies its mapping and validates every row against the register as it is now.</summary>
public sealed class MemberImportService(ClusterpactDbContext db, TimeProvider clock)
{
    /// <summary>Rows saved per round trip inside the one transaction; bounds the memory a 100,000-row file takes.</summary>
    public int BatchSize { get; set; } = 2000;

    public static IReadOnlyDictionary<int, MemberField> ReadMapping(string json) =>
        (JsonSerializer.Deserialize<Dictionary<int, MemberField>>(json) ?? []).AsReadOnly();

    public static string WriteMapping(IReadOnlyDictionary<int, MemberField> mapping) => JsonSerializer.Serialize(mapping);

    public static TabularData ReadFile(ImportSession session)
    {
        using var stream = File.OpenRead(session.StoredPath);
        return TabularFile.Read(stream, session.Format);
    }

    public async Task<ImportPreview> PreviewAsync(ImportSession session, CancellationToken ct)
    {
        var data = ReadFile(session);
        var mapping = ReadMapping(session.Mapping);
        var check = MemberImportValidator.CheckMapping(mapping);
        if (!check.IsSuccess) return new ImportPreview(session, data, mapping, check.Error!.Code, null);
        var report = await ValidateAsync(data, mapping, session.DefaultMemberSince, ct);
        return new ImportPreview(session, data, mapping, null, report);
    }

    public async Task<ImportReport<MemberImportRecord>> ValidateAsync(TabularData data, IReadOnlyDictionary<int, MemberField> mapping, DateOnly defaultSince, CancellationToken ct)
    {
        var keys = await ExistingKeysAsync(ct);
        return MemberImportValidator.Validate(mapping, data.Rows.Select(r => (r.RowNumber, r.Cells)), new MemberImportValidator.Options(defaultSince, keys));
    }

    private async Task<HashSet<string>> ExistingKeysAsync(CancellationToken ct)
    {
        var belgian = await db.Organisations.Where(o => o.EnterpriseNumber != null).Select(o => o.EnterpriseNumber!).ToListAsync(ct);
        var foreign = await db.Organisations.Where(o => o.ForeignId != null).Select(o => o.CountryCode + ":" + o.ForeignId).ToListAsync(ct);
        return belgian.Concat(foreign).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Writes every accepted and updated row in one transaction: new organisations, changes to existing ones,
    /// their figures and their membership of the cluster. Saved in batches to bound memory; any failure rolls the
    /// whole import back, so the register has all good rows or none.
    /// </summary>
    public async Task<ImportReport<MemberImportRecord>> CommitAsync(ImportSession session, IJobProgress progress, CancellationToken ct)
    {
        var batchSize = Math.Max(1, BatchSize);
        var data = ReadFile(session);
        var mapping = ReadMapping(session.Mapping);
        if (!MemberImportValidator.CheckMapping(mapping).IsSuccess) throw new JobFailedException("Import.MappingInvalid");
        var report = await ValidateAsync(data, mapping, session.DefaultMemberSince, ct);
        var good = report.Good.ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var start = 0; start < good.Count; start += batchSize)
        {
            var batch = good.Skip(start).Take(batchSize).ToList();
            await WriteBatchAsync(session, batch, ct);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await progress.ReportAsync((start + batch.Count) / (double)Math.Max(1, good.Count), $"{start + batch.Count}/{good.Count}", ct);
        }
        var stored = await db.ImportSessions.SingleAsync(s => s.Id == session.Id, ct);
        stored.Status = ImportSessionStatus.Committed;
        stored.CommittedAt = clock.GetUtcNow();
        (stored.Accepted, stored.Updated, stored.Rejected, stored.Skipped) = (report.Accepted, report.Updated, report.Rejected, report.Skipped);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return report;
    }

    private async Task WriteBatchAsync(ImportSession session, List<MemberImportRecord> batch, CancellationToken ct)
    {
        var numbers = batch.Where(r => r.EnterpriseNumber is not null).Select(r => r.EnterpriseNumber!).ToList();
        var foreignIds = batch.Where(r => r.ForeignId is not null).Select(r => r.ForeignId!).ToList();
        var existing = await db.Organisations
            .Where(o => (o.EnterpriseNumber != null && numbers.Contains(o.EnterpriseNumber)) || (o.ForeignId != null && foreignIds.Contains(o.ForeignId)))
            .ToListAsync(ct);
        var byKey = existing.ToDictionary(o => o.RegisterKey, StringComparer.Ordinal);
        var ids = existing.Select(o => o.Id).ToList();
        var memberships = await db.Memberships.Where(m => m.ClusterId == session.ClusterId && ids.Contains(m.OrganisationId)).ToListAsync(ct);

        foreach (var r in batch)
        {
            if (!byKey.TryGetValue(r.Key, out var org))
            {
                org = r.EnterpriseNumber is not null
                    ? new Organisation(r.Name, r.Kind, r.EnterpriseNumber, r.CountryCode, r.InternationallyActive ?? false)
                    : Organisation.Foreign(r.Name, r.Kind, r.CountryCode, r.ForeignId!, r.InternationallyActive ?? true);
                db.Organisations.Add(org);
                byKey[r.Key] = org;
            }
            org.Describe(r.Name, r.Kind, r.InternationallyActive, r.Nace, r.Nuts);
            org.RecordFigures(session.FiguresYear, r.Headcount, r.Turnover, r.BalanceSheet);

            // The running membership of this cluster is updated; otherwise a new one starts.
            var current = memberships.Where(m => m.OrganisationId == org.Id && (m.Until == null || m.Until >= r.MemberSince)).MaxBy(m => m.From);
            if (current is not null && current.From <= r.MemberSince)
            {
                current.Update(r.MemberUntil, r.Role, r.Fee);
                if (r.ContactEmail is not null) current.SetContact(r.ContactEmail);
            }
            else
            {
                var membership = new Membership(org.Id, session.ClusterId, r.MemberSince, r.MemberUntil, r.Role, r.Fee);
                membership.SetContact(r.ContactEmail);
                db.Memberships.Add(membership);
                memberships.Add(membership);
            }
        }
    }
}

/// <summary>The job that commits an import, so a 100,000-row file shows its progress instead of timing out a request.</summary>
public sealed class MemberImportJob(ClusterpactDbContext db, MemberImportService imports) : IJobHandler
{
    public const string JobKind = "Members.Import";
    public string Kind => JobKind;

    public async Task<string> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct)
    {
        var sessionId = JsonDocument.Parse(job.Input).RootElement.GetProperty("sessionId").GetGuid();
        var session = await db.ImportSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
        try
        {
            var report = await imports.CommitAsync(session, progress, ct);
            return JsonSerializer.Serialize(new { report.Accepted, report.Updated, report.Rejected, report.Skipped });
        }
        catch
        {
            // Nothing was written (the transaction rolled back); the session says so.
            db.ChangeTracker.Clear();
            await db.ImportSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ImportSessionStatus.Failed), CancellationToken.None);
            throw;
        }
    }
}
