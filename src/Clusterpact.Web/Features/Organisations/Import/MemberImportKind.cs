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
        rows.Bulk.Row(NewOrganisations).Uuid(org.Id).Long(0L).Text(org.Name).Name(org.Kind).Text(org.EnterpriseNumber).Text(org.CountryCode).Text(org.ForeignId)
            .Bool(org.InternationallyActive).Text(org.NaceCode).Text(org.NutsRegion).Name(org.SizeClass).Name(org.SizeOverride).Text(org.SizeOverrideJustification).End();
        FieldsOf(org, rows.Json.Begin());
        rows.Created(nameof(Organisation), new Key(org.Id));
        foreach (var f in org.Figures)
        {
            rows.Bulk.Row(NewFigures).Uuid(org.Id).Int(f.Year).Numeric(f.Headcount).Numeric(f.TurnoverEur).Numeric(f.BalanceSheetEur).End();
            FieldsOf(org.Id, f, rows.Json.Begin());
            rows.Created(nameof(OrganisationFigures), new Key(org.Id, f.Year));
        }
        AddMembership(rows, session, org.Id, r);
    }

    private static void WriteKnown(Rows rows, ImportSession session, MemberImportRecord r, Organisation org, IEnumerable<Membership> memberships)
    {
        var before = ValuesOf(org);
        var figuresBefore = org.Figures.FirstOrDefault(f => f.Year == session.FiguresYear) is { } fb ? ValuesOf(org.Id, fb) : null;
        org.Describe(r.Name, r.Kind, r.InternationallyActive, r.Nace, r.Nuts);
        org.RecordFigures(session.FiguresYear, r.Headcount, r.Turnover, r.BalanceSheet);
        if (rows.Changed(nameof(Organisation), new Key(org.Id), before, ValuesOf(org)))
            rows.Bulk.Row(ChangedOrganisations).Uuid(org.Id).Text(org.Name).Name(org.Kind).Bool(org.InternationallyActive).Text(org.NaceCode).Text(org.NutsRegion)
                .Name(org.SizeClass).Long(org.Version + 1).End();
        if (org.Figures.FirstOrDefault(f => f.Year == session.FiguresYear) is { } figures)
        {
            var id = new Key(org.Id, figures.Year);
            if (figuresBefore is null)
            {
                rows.Bulk.Row(NewFigures).Uuid(org.Id).Int(figures.Year).Numeric(figures.Headcount).Numeric(figures.TurnoverEur).Numeric(figures.BalanceSheetEur).End();
                FieldsOf(org.Id, figures, rows.Json.Begin());
                rows.Created(nameof(OrganisationFigures), id);
            }
            else if (rows.Changed(nameof(OrganisationFigures), id, figuresBefore, ValuesOf(org.Id, figures)))
                rows.Bulk.Row(ChangedFigures).Uuid(org.Id).Int(figures.Year).Numeric(figures.Headcount).Numeric(figures.TurnoverEur).Numeric(figures.BalanceSheetEur).End();
        }

        // The running membership of this cluster is updated; otherwise a new one starts.
        var current = memberships.Where(m => m.Until == null || m.Until >= r.MemberSince).MaxBy(m => m.From);
        if (current is not null && current.From <= r.MemberSince)
        {
            var was = ValuesOf(current);
            current.Update(r.MemberUntil, r.Role, r.Fee);
            if (r.ContactEmail is not null) current.SetContact(r.ContactEmail);
            if (rows.Changed(nameof(Membership), new Key(current.Id), was, ValuesOf(current)))
                rows.Bulk.Row(ChangedMemberships).Uuid(current.Id).Date(current.Until).Name(current.Role).Numeric(current.YearlyFee).Text(current.ContactEmail).Long(current.Version + 1).End();
        }
        else AddMembership(rows, session, org.Id, r);
    }

    private static void AddMembership(Rows rows, ImportSession session, Guid organisationId, MemberImportRecord r)
    {
        var membership = new Membership(organisationId, session.ClusterId, r.MemberSince, r.MemberUntil, r.Role, r.Fee);
        membership.SetContact(r.ContactEmail);
        rows.Bulk.Row(NewMemberships).Uuid(membership.Id).Long(0L).Uuid(membership.OrganisationId).Uuid(membership.ClusterId).Date(membership.From).Date(membership.Until)
            .Name(membership.Role).Numeric(membership.YearlyFee).Text(membership.ContactEmail).End();
        FieldsOf(membership, rows.Json.Begin());
        rows.Created(nameof(Membership), new Key(membership.Id));
    }

    // A record's audited fields, as the interceptor lists them (key first, then by name; the version is bookkeeping).
    private static T FieldsOf<T>(Organisation o, T fields) where T : IAuditFields
    {
        fields.Add("Id", o.Id); fields.Add("CountryCode", o.CountryCode); fields.Add("EnterpriseNumber", o.EnterpriseNumber); fields.Add("ForeignId", o.ForeignId);
        fields.Add("InternationallyActive", o.InternationallyActive); fields.Add("Kind", o.Kind); fields.Add("NaceCode", o.NaceCode); fields.Add("Name", o.Name);
        fields.Add("NutsRegion", o.NutsRegion); fields.Add("SizeClass", o.SizeClass); fields.Add("SizeOverride", o.SizeOverride);
        fields.Add("SizeOverrideJustification", o.SizeOverrideJustification);
        return fields;
    }

    private static T FieldsOf<T>(Guid organisationId, OrganisationFigures f, T fields) where T : IAuditFields
    {
        fields.Add("OrganisationId", organisationId); fields.Add("Year", f.Year); fields.Add("BalanceSheetEur", f.BalanceSheetEur); fields.Add("Headcount", f.Headcount);
        fields.Add("TurnoverEur", f.TurnoverEur);
        return fields;
    }

    private static T FieldsOf<T>(Membership m, T fields) where T : IAuditFields
    {
        fields.Add("Id", m.Id); fields.Add("ClusterId", m.ClusterId); fields.Add("ContactEmail", m.ContactEmail); fields.Add("From", m.From);
        fields.Add("OrganisationId", m.OrganisationId); fields.Add("Role", m.Role); fields.Add("Until", m.Until); fields.Add("YearlyFee", m.YearlyFee);
        return fields;
    }

    private static Dictionary<string, string?> ValuesOf(Organisation o) => FieldsOf(o, new AuditValues()).Values;

    private static Dictionary<string, string?> ValuesOf(Guid organisationId, OrganisationFigures f) => FieldsOf(organisationId, f, new AuditValues()).Values;

    private static Dictionary<string, string?> ValuesOf(Membership m) => FieldsOf(m, new AuditValues()).Values;

    /// <summary>An audit row's record id as the trail writes it (the id; figures: organisation id/year), formatted without a string.</summary>
    private readonly record struct Key(Guid Id, int? Year = null)
    {
        public ReadOnlySpan<char> Format(Span<char> text)
        {
            Id.TryFormat(text, out var written);
            if (Year is not { } year) return text[..written];
            text[written++] = '/';
            year.TryFormat(text[written..], out var more, default, CultureInfo.InvariantCulture);
            return text[..(written + more)];
        }
    }

    /// <summary>The rows of one commit: records and their audit rows, all under the commit's stamp.</summary>
    private sealed class Rows(BulkWriter bulk, ImportAuditStamp stamp)
    {
        public BulkWriter Bulk { get; } = bulk;

        /// <summary>The writer of a created record's values (<see cref="Created"/> writes what it holds).</summary>
        public AuditValuesJson Json { get; } = new();

        /// <summary>One row holding all the values of a created record (field "*", the values just given to <see cref="Json"/>), as the interceptor writes it.</summary>
        public void Created(string entityType, Key id)
        {
            Span<char> text = stackalloc char[48];
            Start(entityType, id.Format(text), AuditAction.Created).Text(AuditInterceptor.AllFields).Text((string?)null).Utf8(Json.End()).Uuid(stamp.ChangeSetId).End();
        }

        /// <summary>One row per changed field with its old and new value; false when nothing changed.</summary>
        public bool Changed(string entityType, Key id, Dictionary<string, string?> before, Dictionary<string, string?> after)
        {
            Span<char> text = stackalloc char[48];
            var changed = false;
            foreach (var (field, now) in after)
            {
                var was = before.GetValueOrDefault(field);
                if (was == now) continue;
                Start(entityType, id.Format(text), AuditAction.Updated).Text(field).Text(was).Text(now).Uuid(stamp.ChangeSetId).End();
                changed = true;
            }
            return changed;
        }

        private BulkRow Start(string entityType, ReadOnlySpan<char> id, AuditAction action) =>
            Bulk.Row(AuditRows).Uuid(Guid.CreateVersion7()).Instant(stamp.At).Uuid(stamp.UserId).Text(stamp.UserName).Text(entityType).Text(id).Name(action);
    }
}
