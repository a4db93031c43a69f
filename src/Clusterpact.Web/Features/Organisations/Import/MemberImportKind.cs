using Clusterpact.Web.Infrastructure.Audit;

namespace Clusterpact.Web.Features.Organisations.Import;

/// <summary>
/// A cluster's member list: new organisations, changes to known ones, their size figures for one financial year, and
/// their membership of the cluster. Judged by <see cref="MemberImportValidator"/> against the register as it is now, and
/// written set-based (<see cref="BulkWriter"/>): the domain's own methods decide each record's values, the rows and their
/// audit rows go to the database without the change tracker (docs/decisions/0017-set-based-imports.md).
/// </summary>
public sealed class MemberImportKind : ImportKindDefinition<MemberField, MemberImportRecord>
{
    private readonly Infrastructure.EnterpriseRegister.EnterpriseRegisterLookup _register;

    public MemberImportKind(ClusterpactDbContext db, TimeProvider clock, IServiceProvider services, Infrastructure.EnterpriseRegister.EnterpriseRegisterLookup register)
        : base(db, clock, services)
    {
        BatchSize = 10_000;
        _register = register;
    }

    /// <summary>Rows whose records are handed to the database at once (PostgreSQL: one COPY per table).</summary>
    private const int FlushRows = 2_000;

    public override ImportKind Kind => ImportKind.Members;

    public override ImportPageText Text { get; } = new(
        "/Organisations/Import", "Import.Title", "Import.Intro", "Import.FileHelp", "/Organisations", "Members.Title",
        "Import.NotYourCluster", "Members.Name", "importrapport",
        [new ImportLink("/Clusters/{0}", "Import.ToCluster"), new ImportLink("/Organisations?cluster={0}", "Import.ToRegister")]);

    public override IReadOnlyList<ImportSetting> Settings { get; } = [ImportSetting.DefaultMemberSince, ImportSetting.FiguresYear];

    protected override ImportColumns<MemberField> Columns => MemberImportValidator.Columns;

    protected override string LabelOf(MemberImportRecord record) => record.Name;

    protected override async Task<IEnumerable<ImportRowResult<MemberImportRecord>>> JudgeAsync(ImportSession session, IReadOnlyDictionary<int, MemberField> mapping,
        IEnumerable<(int RowNumber, IReadOnlyList<string?> Cells)> rows, CancellationToken ct)
    {
        // The register's keys, compactly (an enterprise number is one 64-bit slot, not a string): a register of a million
        // organisations is read whole for the "updated" verdict.
        var keys = new MemberKeys();
        await foreach (var number in Db.Organisations.AsNoTracking().Where(o => o.EnterpriseNumber != null).Select(o => o.EnterpriseNumber!).AsAsyncEnumerable().WithCancellation(ct)) keys.Add(number);
        await foreach (var foreign in Db.Organisations.AsNoTracking().Where(o => o.ForeignId != null).Select(o => o.CountryCode + ":" + o.ForeignId).AsAsyncEnumerable().WithCancellation(ct)) keys.Add(foreign);
        Func<string, Domain.EnterpriseRegister.RegisterStanding>? standing = null;
        if ((await _register.StateAsync(ct)).Loaded)
        {
            // The official register's answer for the numbers of each part of the file, read before that part is judged:
            // one query per 1,000 numbers, and only one part of the file in memory.
            var active = new Dictionary<string, bool>(StringComparer.Ordinal);
            var column = mapping.Where(m => m.Value == MemberField.EnterpriseNumber).Select(m => (int?)m.Key).FirstOrDefault();
            rows = WithRegisterAnswers(rows, column, active, ct);
            standing = n => Domain.EnterpriseRegister.RegisterCheck.StandingOfActive(true, active.TryGetValue(n, out var a) ? a : null);
        }
        return MemberImportValidator.Judge(mapping, rows, new MemberImportValidator.Options(session.DefaultMemberSince, keys, standing));
    }

    /// <summary>Rows a part at a time; before a part is handed on, <paramref name="active"/> holds the register's answer for its numbers.</summary>
    private IEnumerable<(int RowNumber, IReadOnlyList<string?> Cells)> WithRegisterAnswers(IEnumerable<(int RowNumber, IReadOnlyList<string?> Cells)> rows, int? column,
        Dictionary<string, bool> active, CancellationToken ct)
    {
        foreach (var part in rows.Chunk(RegisterPart))
        {
            active.Clear();
            var numbers = column is not { } c ? [] : part.Select(r => c < r.Cells.Count && EnterpriseNumber.TryParse(r.Cells[c], out var n) ? n.Digits : null).OfType<string>().ToList();
            // The judgement is a lazy enumeration (the commit streams it); no request context waits on this thread.
            foreach (var (number, isActive) in _register.ActiveByNumberAsync(numbers, ct).GetAwaiter().GetResult()) active[number] = isActive;
            foreach (var row in part) yield return row;
        }
    }

    /// <summary>Rows whose enterprise numbers are looked up in the official register together.</summary>
    private const int RegisterPart = 10_000;

    private static readonly BulkTarget NewOrganisations = BulkTarget.Insert("organisations",
        new("Id", BulkType.Uuid), new("Version", BulkType.Long), new("Name", BulkType.Text), new("Kind", BulkType.Text), new("EnterpriseNumber", BulkType.Text),
        new("CountryCode", BulkType.Text), new("ForeignId", BulkType.Text), new("InternationallyActive", BulkType.Bool), new("NaceCode", BulkType.Text),
        new("NutsRegion", BulkType.Text), new("SizeClass", BulkType.Text), new("SizeOverride", BulkType.Text), new("SizeOverrideJustification", BulkType.Text));

    private static readonly BulkTarget ChangedOrganisations = BulkTarget.Update("organisations", 1, versioned: true,
        new("Id", BulkType.Uuid), new("Name", BulkType.Text), new("Kind", BulkType.Text), new("InternationallyActive", BulkType.Bool), new("NaceCode", BulkType.Text),
        new("NutsRegion", BulkType.Text), new("SizeClass", BulkType.Text), new("Version", BulkType.Long));

    private static readonly BulkTarget NewFigures = BulkTarget.Insert("organisation_figures",
        new("OrganisationId", BulkType.Uuid), new("Year", BulkType.Int), new("Headcount", BulkType.Numeric), new("TurnoverEur", BulkType.Numeric), new("BalanceSheetEur", BulkType.Numeric));

    private static readonly BulkTarget ChangedFigures = BulkTarget.Update("organisation_figures", 2, versioned: false,
        new("OrganisationId", BulkType.Uuid), new("Year", BulkType.Int), new("Headcount", BulkType.Numeric), new("TurnoverEur", BulkType.Numeric), new("BalanceSheetEur", BulkType.Numeric));

    private static readonly BulkTarget NewMemberships = BulkTarget.Insert("memberships",
        new("Id", BulkType.Uuid), new("Version", BulkType.Long), new("OrganisationId", BulkType.Uuid), new("ClusterId", BulkType.Uuid), new("From", BulkType.Date),
        new("Until", BulkType.Date), new("Role", BulkType.Text), new("YearlyFee", BulkType.Numeric), new("ContactEmail", BulkType.Text));

    private static readonly BulkTarget ChangedMemberships = BulkTarget.Update("memberships", 1, versioned: true,
        new("Id", BulkType.Uuid), new("Until", BulkType.Date), new("Role", BulkType.Text), new("YearlyFee", BulkType.Numeric), new("ContactEmail", BulkType.Text), new("Version", BulkType.Long));

    private static readonly BulkTarget AuditRows = BulkTarget.Insert("audit_entries",
        new("Id", BulkType.Uuid), new("At", BulkType.Instant), new("UserId", BulkType.Uuid), new("UserName", BulkType.Text), new("EntityType", BulkType.Text),
        new("EntityId", BulkType.Text), new("Action", BulkType.Text), new("Field", BulkType.Text), new("OldValue", BulkType.Text), new("NewValue", BulkType.Text),
        new("ChangeSetId", BulkType.Uuid));

    private static readonly BulkTarget[] Targets = [NewOrganisations, ChangedOrganisations, NewFigures, ChangedFigures, NewMemberships, ChangedMemberships, AuditRows];

    protected override async Task WriteAsync(ImportWrite<MemberImportRecord> write, CancellationToken ct)
    {
        await using var bulk = await BulkWriter.BeginAsync(Db, Targets, ct);
        var rows = new Rows(bulk, write.Stamp);
        var done = 0;
        foreach (var batch in write.Good.Chunk(write.BatchSize))
        {
            // Organisations already in the register (the validator said "updated"), with their figures and this cluster's
            // memberships, as they are now: the domain's methods change them, the difference is written.
            var known = batch.Where(r => r.Status == ImportRowStatus.Updated).Select(r => r.Record!).ToList();
            var numbers = known.Where(r => r.EnterpriseNumber is not null).Select(r => r.EnterpriseNumber!).ToList();
            var foreignIds = known.Where(r => r.ForeignId is not null).Select(r => r.ForeignId!).ToList();
            var existing = known.Count == 0 ? [] : await Db.Organisations.AsNoTracking()
                .Where(o => (o.EnterpriseNumber != null && numbers.Contains(o.EnterpriseNumber)) || (o.ForeignId != null && foreignIds.Contains(o.ForeignId)))
                .ToListAsync(ct);
            var byKey = existing.ToDictionary(o => o.RegisterKey, StringComparer.Ordinal);
            var ids = existing.Select(o => o.Id).ToList();
            var memberships = ids.Count == 0 ? [] : await Db.Memberships.AsNoTracking().Where(m => m.ClusterId == write.Session.ClusterId && ids.Contains(m.OrganisationId)).ToListAsync(ct);
            var membershipsOf = memberships.ToLookup(m => m.OrganisationId);

            // Written in parts: what waits for the database stays small enough to die young (a whole batch of rows and
            // audit values held until one flush made the collector copy them into the old generation, again and again).
            foreach (var part in batch.Chunk(FlushRows))
            {
                foreach (var r in part.Select(b => b.Record!))
                {
                    if (byKey.TryGetValue(r.Key, out var org)) WriteKnown(rows, write.Session, r, org, membershipsOf[org.Id]);
                    else WriteNew(rows, write.Session, r);
                }
                await bulk.FlushAsync(ct);
            }
            done += batch.Length;
            await write.Progress.ReportAsync(Math.Min(0.95, write.FileFraction()), done.ToString(CultureInfo.InvariantCulture), ct);
        }
        await bulk.MergeAsync(ct);
        await write.Progress.ReportAsync(1, done.ToString(CultureInfo.InvariantCulture), ct);
    }

    private static void WriteNew(Rows rows, ImportSession session, MemberImportRecord r)
    {
        var org = r.EnterpriseNumber is not null
            ? new Organisation(r.Name, r.Kind, r.EnterpriseNumber, r.CountryCode, r.InternationallyActive ?? false)
            : Organisation.Foreign(r.Name, r.Kind, r.CountryCode, r.ForeignId!, r.InternationallyActive ?? true);
        org.Describe(r.Name, r.Kind, r.InternationallyActive, r.Nace, r.Nuts);
        org.RecordFigures(session.FiguresYear, r.Headcount, r.Turnover, r.BalanceSheet);
        rows.Bulk.Add(NewOrganisations, org.Id, 0L, org.Name, org.Kind, org.EnterpriseNumber, org.CountryCode, org.ForeignId, org.InternationallyActive,
            org.NaceCode, org.NutsRegion, org.SizeClass, org.SizeOverride, org.SizeOverrideJustification);
        rows.Created(nameof(Organisation), Format(org.Id)!, FieldsOf(org));
        foreach (var f in org.Figures)
        {
            rows.Bulk.Add(NewFigures, org.Id, f.Year, f.Headcount, f.TurnoverEur, f.BalanceSheetEur);
            rows.Created(nameof(OrganisationFigures), $"{Format(org.Id)}/{Format(f.Year)}", FieldsOf(org.Id, f));
        }
        AddMembership(rows, session, org.Id, r);
    }

    private static void WriteKnown(Rows rows, ImportSession session, MemberImportRecord r, Organisation org, IEnumerable<Membership> memberships)
    {
        var before = ValuesOf(org);
        var figuresBefore = org.Figures.FirstOrDefault(f => f.Year == session.FiguresYear) is { } fb ? ValuesOf(org.Id, fb) : null;
        org.Describe(r.Name, r.Kind, r.InternationallyActive, r.Nace, r.Nuts);
        org.RecordFigures(session.FiguresYear, r.Headcount, r.Turnover, r.BalanceSheet);
        if (rows.Changed(nameof(Organisation), Format(org.Id)!, before, ValuesOf(org)))
            rows.Bulk.Add(ChangedOrganisations, org.Id, org.Name, org.Kind, org.InternationallyActive, org.NaceCode, org.NutsRegion, org.SizeClass, org.Version + 1);
        if (org.Figures.FirstOrDefault(f => f.Year == session.FiguresYear) is { } figures)
        {
            var id = $"{Format(org.Id)}/{Format(figures.Year)}";
            if (figuresBefore is null)
            {
                rows.Bulk.Add(NewFigures, org.Id, figures.Year, figures.Headcount, figures.TurnoverEur, figures.BalanceSheetEur);
                rows.Created(nameof(OrganisationFigures), id, FieldsOf(org.Id, figures));
            }
            else if (rows.Changed(nameof(OrganisationFigures), id, figuresBefore, ValuesOf(org.Id, figures)))
                rows.Bulk.Add(ChangedFigures, org.Id, figures.Year, figures.Headcount, figures.TurnoverEur, figures.BalanceSheetEur);
        }

        // The running membership of this cluster is updated; otherwise a new one starts.
        var current = memberships.Where(m => m.Until == null || m.Until >= r.MemberSince).MaxBy(m => m.From);
        if (current is not null && current.From <= r.MemberSince)
        {
            var was = ValuesOf(current);
            current.Update(r.MemberUntil, r.Role, r.Fee);
            if (r.ContactEmail is not null) current.SetContact(r.ContactEmail);
            if (rows.Changed(nameof(Membership), Format(current.Id)!, was, ValuesOf(current)))
                rows.Bulk.Add(ChangedMemberships, current.Id, current.Until, current.Role, current.YearlyFee, current.ContactEmail, current.Version + 1);
        }
        else AddMembership(rows, session, org.Id, r);
    }

    private static void AddMembership(Rows rows, ImportSession session, Guid organisationId, MemberImportRecord r)
    {
        var membership = new Membership(organisationId, session.ClusterId, r.MemberSince, r.MemberUntil, r.Role, r.Fee);
        membership.SetContact(r.ContactEmail);
        rows.Bulk.Add(NewMemberships, membership.Id, 0L, membership.OrganisationId, membership.ClusterId, membership.From, membership.Until, membership.Role,
            membership.YearlyFee, membership.ContactEmail);
        rows.Created(nameof(Membership), Format(membership.Id)!, FieldsOf(membership));
    }

    // A record's audited fields, as the interceptor lists them (key first, then by name; the version is bookkeeping).
    private static (string Name, object? Value)[] FieldsOf(Organisation o) =>
    [
        ("Id", o.Id), ("CountryCode", o.CountryCode), ("EnterpriseNumber", o.EnterpriseNumber), ("ForeignId", o.ForeignId), ("InternationallyActive", o.InternationallyActive),
        ("Kind", o.Kind), ("NaceCode", o.NaceCode), ("Name", o.Name), ("NutsRegion", o.NutsRegion), ("SizeClass", o.SizeClass), ("SizeOverride", o.SizeOverride),
        ("SizeOverrideJustification", o.SizeOverrideJustification),
    ];

    private static (string Name, object? Value)[] FieldsOf(Guid organisationId, OrganisationFigures f) =>
        [("OrganisationId", organisationId), ("Year", f.Year), ("BalanceSheetEur", f.BalanceSheetEur), ("Headcount", f.Headcount), ("TurnoverEur", f.TurnoverEur)];

    private static (string Name, object? Value)[] FieldsOf(Membership m) =>
    [
        ("Id", m.Id), ("ClusterId", m.ClusterId), ("ContactEmail", m.ContactEmail), ("From", m.From), ("OrganisationId", m.OrganisationId), ("Role", m.Role),
        ("Until", m.Until), ("YearlyFee", m.YearlyFee),
    ];

    private static Dictionary<string, string?> ValuesOf(Organisation o) => Values(FieldsOf(o));

    private static Dictionary<string, string?> ValuesOf(Guid organisationId, OrganisationFigures f) => Values(FieldsOf(organisationId, f));

    private static Dictionary<string, string?> ValuesOf(Membership m) => Values(FieldsOf(m));

    private static Dictionary<string, string?> Values((string Name, object? Value)[] fields)
    {
        var values = new Dictionary<string, string?>(fields.Length, StringComparer.Ordinal);
        foreach (var (name, value) in fields) values[name] = Format(value);
        return values;
    }

    /// <summary>The rows of one commit: records and their audit rows, all under the commit's stamp.</summary>
    private sealed class Rows(BulkWriter bulk, ImportAuditStamp stamp)
    {
        public BulkWriter Bulk { get; } = bulk;

        private readonly AuditValuesJson _json = new();

        /// <summary>One row holding all the values of a created record (field "*"), as the interceptor writes it.</summary>
        public void Created(string entityType, string id, (string Name, object? Value)[] fields) =>
            Audit(entityType, id, AuditAction.Created, AuditInterceptor.AllFields, null, _json.Of(fields));

        /// <summary>One row per changed field with its old and new value; false when nothing changed.</summary>
        public bool Changed(string entityType, string id, Dictionary<string, string?> before, Dictionary<string, string?> after)
        {
            var changed = false;
            foreach (var (field, now) in after)
            {
                var was = before.GetValueOrDefault(field);
                if (was == now) continue;
                Audit(entityType, id, AuditAction.Updated, field, was, now);
                changed = true;
            }
            return changed;
        }

        // The values every audit row of the commit shares, boxed once rather than once per row.
        private readonly object _at = stamp.At, _changeSet = stamp.ChangeSetId;
        private readonly object? _userId = stamp.UserId;
        private static readonly string[] Actions = Enum.GetNames<AuditAction>();

        private void Audit(string entityType, string id, AuditAction action, string field, string? oldValue, string? newValue) =>
            Bulk.Add(AuditRows, Guid.CreateVersion7(), _at, _userId, stamp.UserName, entityType, id, Actions[(int)action], field, oldValue, newValue, _changeSet);
    }
}
