using System.Security.Cryptography;
using Clusterpact.Web.Features.Organisations.Import;
using Clusterpact.Web.Infrastructure.Audit;
using static Clusterpact.Web.Tests.Import.ImportSteps;

namespace Clusterpact.Web.Tests.Import;

/// <summary>
/// The member import's set-based commit (docs/decisions/0017-set-based-imports.md): records and audit rows are written
/// without the change tracker, and still say who changed what from what to what; the session keeps the file's hash and
/// the row report; a record changed by someone else meanwhile fails the whole list.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SetBasedImportTests(ClusterpactApp app)
{
    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid clusterId, byte[] file) =>
        client.UploadAsync("/Organisations/Import", clusterId, file, "leden.csv", new Dictionary<string, string> { ["Input.DefaultMemberSince"] = "2026-01-01", ["Input.FiguresYear"] = "2025" });

    [Fact]
    public async Task A_commit_audits_each_created_record_once_each_changed_field_with_old_and_new_and_its_session_with_the_file_hash_and_report()
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        // A member of Catalisti whose running membership started before 2026 and has no end: the row updates it.
        var known = await app.WithDbAsync(db => db.Memberships.AsNoTracking()
            .Where(m => m.ClusterId == catalisti && m.Until == null && m.From <= new DateOnly(2026, 1, 1))
            .Join(db.Organisations.Where(o => o.EnterpriseNumber != null), m => m.OrganisationId, o => o.Id, (m, o) => new { Membership = m, Organisation = o })
            .FirstAsync());
        var seed = Random.Shared.Next(10_000, 900_000);
        var newNumber = Number(seed);
        var csv = "Naam;Ondernemingsnummer;Lid sinds;Lidgeld;VTE;Omzet\r\n"
                  + $"Nieuw {seed} NV;{newNumber};01-02-2024;750;8;1.500.000\r\n"
                  + $"Hernoemd {seed} BV;{known.Organisation.EnterpriseNumber};;1.234,50;;\r\n"
                  + $"Fout {seed} BV;{newNumber[..9]}{(newNumber[9] == '0' ? '1' : '0')};;;;\r\n";
        var bytes = System.Text.Encoding.UTF8.GetBytes(csv);
        var url = (await UploadAsync(manager, catalisti, bytes)).Headers.Location!.OriginalString;
        await manager.CommitAsync(url);
        var (session, job) = await app.WaitForCommitAsync(manager, url);
        Assert.Equal((ImportSessionStatus.Committed, JobStatus.Succeeded), (session.Status, job.Status));
        Assert.Equal((1, 1, 1, 0), (session.Accepted, session.Updated, session.Rejected, session.Skipped));

        var created = await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.EnterpriseNumber == newNumber));
        var sessionRow = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "ImportSession" && a.EntityId == session.Id.ToString()));
        var trail = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ChangeSetId == sessionRow.ChangeSetId).ToListAsync());
        Assert.All(trail, a => Assert.Equal((Emails.CatalistiManager, session.CommittedAt), (a.UserName, (DateTimeOffset?)a.At)));

        // Created: one row per record (organisation, its figures, its membership) with all its values.
        var organisationRow = Assert.Single(trail, a => a.EntityType == "Organisation" && a.EntityId == created.Id.ToString());
        Assert.Equal((AuditAction.Created, AuditInterceptor.AllFields), (organisationRow.Action, organisationRow.Field));
        Assert.Contains($"\"Name\":\"Nieuw {seed} NV\"", organisationRow.NewValue, StringComparison.Ordinal);
        Assert.Contains("\"SizeClass\":\"Micro\"", organisationRow.NewValue, StringComparison.Ordinal);
        var figuresRow = Assert.Single(trail, a => a.EntityType == "OrganisationFigures" && a.EntityId == $"{created.Id}/2025");
        Assert.Contains("\"TurnoverEur\":\"1500000\"", figuresRow.NewValue, StringComparison.Ordinal);
        var membership = await app.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.OrganisationId == created.Id));
        Assert.Equal((catalisti, new DateOnly(2024, 2, 1), 750m, 0L), (membership.ClusterId, membership.From, membership.YearlyFee, membership.Version));
        Assert.Single(trail, a => a.EntityType == "Membership" && a.EntityId == membership.Id.ToString() && a.Action == AuditAction.Created);

        // Changed: one row per changed field, with the value before and after; the version moves on by one.
        var nameRow = Assert.Single(trail, a => a.EntityType == "Organisation" && a.EntityId == known.Organisation.Id.ToString() && a.Field == "Name");
        Assert.Equal((AuditAction.Updated, "Name", known.Organisation.Name, $"Hernoemd {seed} BV"), (nameRow.Action, nameRow.Field, nameRow.OldValue, nameRow.NewValue));
        var renamed = await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == known.Organisation.Id));
        Assert.Equal(known.Organisation.Version + 1, renamed.Version);
        var feeRow = Assert.Single(trail, a => a.EntityType == "Membership" && a.EntityId == known.Membership.Id.ToString() && a.Field == "YearlyFee");
        Assert.Equal(("YearlyFee", AuditInterceptor.Format(known.Membership.YearlyFee), "1234.50"), (feeRow.Field, feeRow.OldValue, feeRow.NewValue));
        var updated = await app.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == known.Membership.Id));
        Assert.Equal((1234.50m, known.Membership.Version + 1), (updated.YearlyFee, updated.Version));

        // The session: who, when, the file's SHA-256, the counts, and the row report kept beside the file.
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(bytes)), sessionRow.NewValue, StringComparison.Ordinal);
        Assert.Contains("\"Accepted\":1,\"Updated\":1,\"Rejected\":1", sessionRow.NewValue, StringComparison.Ordinal);
        var report = await File.ReadAllLinesAsync(MemberImportKind.ReportPathOf(session));
        Assert.Equal("row;status;label;field;problem;value", report[0]);
        Assert.Contains($"2;Accepted;Nieuw {seed} NV;;;", report);
        Assert.Contains(report, l => l.StartsWith("4;Rejected;;MemberField.EnterpriseNumber;EnterpriseNumber.CheckDigits;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_versioned_change_to_a_record_someone_changed_meanwhile_fails_and_writes_nothing()
    {
        var organisation = await app.WithDbAsync(db => db.Organisations.AsNoTracking().OrderBy(o => o.Id).FirstAsync());
        var rename = BulkTarget.Update("organisations", 1, versioned: true, new("Id", BulkType.Uuid), new("Name", BulkType.Text), new("Version", BulkType.Long));
        var failure = await Assert.ThrowsAsync<JobFailedException>(() => app.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await using var bulk = await BulkWriter.BeginAsync(db, [rename], default);
            // The version read was one before the stored one: the stored record changed after it was read.
            bulk.Row(rename).Uuid(organisation.Id).Text("Stale name").Long(organisation.Version).End();
            await bulk.MergeAsync(default);
            await tx.CommitAsync();
            return 0;
        }));
        Assert.Equal("Import.ChangedMeanwhile", failure.MessageKey);
        Assert.Equal(organisation.Name, await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisation.Id).Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task Every_kind_of_value_a_bulk_write_gives_reads_back_as_it_was_given()
    {
        var organisations = BulkTarget.Insert("organisations", new("Id", BulkType.Uuid), new("Version", BulkType.Long), new("Name", BulkType.Text), new("Kind", BulkType.Text),
            new("EnterpriseNumber", BulkType.Text), new("CountryCode", BulkType.Text), new("ForeignId", BulkType.Text), new("InternationallyActive", BulkType.Bool));
        var figures = BulkTarget.Insert("organisation_figures", new("OrganisationId", BulkType.Uuid), new("Year", BulkType.Int), new("Headcount", BulkType.Numeric),
            new("TurnoverEur", BulkType.Numeric), new("BalanceSheetEur", BulkType.Numeric));
        var audit = BulkTarget.Insert("audit_entries", new("Id", BulkType.Uuid), new("At", BulkType.Instant), new("UserId", BulkType.Uuid), new("UserName", BulkType.Text),
            new("EntityType", BulkType.Text), new("EntityId", BulkType.Text), new("Action", BulkType.Text), new("Field", BulkType.Text), new("OldValue", BulkType.Text),
            new("NewValue", BulkType.Text), new("ChangeSetId", BulkType.Uuid));
        var id = Guid.CreateVersion7();
        var name = $"Bulk Ærø \"Ünïcode\" 😀 {id:N}";
        // Numbers PostgreSQL's numeric holds in base-10000 groups: whole groups, fractions padded to a group, zeros around them, a sign.
        decimal?[] amounts = [1234.50m, 0.01m, 10000m, 123456.78m, -42.5m, 0m, 0.5m, null, 99_999_999_999.99m, 1m, 12345678.9m, 100_000_000m];
        var at = new DateTimeOffset(2026, 12, 5, 7, 8, 9, TimeSpan.Zero);
        var json = new AuditValuesJson().Begin();
        json.Add("Name", name);
        // Read back inside the transaction and rolled back (PostgreSQL's retrying strategy runs the whole of it as one unit).
        var read = await app.WithDbAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await using (var bulk = await BulkWriter.BeginAsync(db, [organisations, figures, audit], default))
            {
                bulk.Row(organisations).Uuid(id).Long(0).Text(name).Name(OrganisationKind.KnowledgeInstitution).Text((string?)null).Text("DE").Text($"HRB{id:N}").Bool(true).End();
                for (var i = 0; i < amounts.Length; i += 3)
                    bulk.Row(figures).Uuid(id).Int(2000 + i).Numeric(amounts[i]).Numeric(amounts[i + 1]).Numeric(amounts[i + 2]).End();
                bulk.Row(audit).Uuid(Guid.CreateVersion7()).Instant(at).Uuid((Guid?)null).Text("bulk").Text("Organisation").Text(id.ToString()).Name(AuditAction.Created)
                    .Text("*").Text((string?)null).Utf8(json.End()).Uuid(id).End();
                var written = await bulk.MergeAsync(default);
                Assert.Equal([1, 4, 1], new[] { organisations, figures, audit }.Select(t => written[t]));
            }
            var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id);
            var row = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.ChangeSetId == id);
            await tx.RollbackAsync();
            return (organisation, row);
        }));

        Assert.Equal((name, OrganisationKind.KnowledgeInstitution, (string?)null, "DE", true), (read.organisation.Name, read.organisation.Kind, read.organisation.EnterpriseNumber, read.organisation.CountryCode, read.organisation.InternationallyActive));
        var stored = read.organisation.Figures.OrderBy(f => f.Year).SelectMany(f => new[] { f.Headcount, f.TurnoverEur, f.BalanceSheetEur }).ToList();
        Assert.Equal(amounts, stored);
        Assert.Equal((at, (Guid?)null, "bulk", id.ToString(), AuditAction.Created, (string?)null), (read.row.At, read.row.UserId, read.row.UserName, read.row.EntityId, read.row.Action, read.row.OldValue));
        Assert.Equal(AuditInterceptor.AllValuesJson(new Dictionary<string, string?> { ["Name"] = name }), read.row.NewValue);
    }

    [Fact]
    public void A_sheet_is_read_row_by_row_once_and_says_how_far_it_has_come()
    {
        var path = Path.Combine(Path.GetTempPath(), $"stream-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["", "Naam;KBO", "A;1", "", "B;2"]);
        try
        {
            using var reader = TabularFile.Open(File.OpenRead(path), TabularFormat.Csv, ownsStream: true);
            Assert.Equal(2, reader.HeaderRowNumber);
            Assert.Equal(["Naam", "KBO"], reader.Header);
            var rows = reader.Rows.Select(r => (r.RowNumber, r.IsBlank)).ToList();
            Assert.Equal([(3, false), (4, true), (5, false)], rows);
            Assert.Equal(1.0, reader.Fraction);
            Assert.Throws<InvalidOperationException>(() => reader.Rows);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
