namespace Clusterpact.Web.Features.Organisations.Import;

/// <summary>
/// A cluster's member list: new organisations, changes to known ones, their size figures for one financial year, and
/// their membership of the cluster. Judged by <see cref="MemberImportValidator"/> against the register as it is now.
/// </summary>
public sealed class MemberImportKind(ClusterpactDbContext db, TimeProvider clock, Infrastructure.EnterpriseRegister.EnterpriseRegisterLookup register)
    : ImportKindDefinition<MemberField, MemberImportRecord>(db, clock)
{
    public override ImportKind Kind => ImportKind.Members;

    public override ImportPageText Text { get; } = new(
        "/Organisations/Import", "Import.Title", "Import.Intro", "Import.FileHelp", "/Organisations", "Members.Title",
        "Import.NotYourCluster", "Members.Name", "importrapport",
        [new ImportLink("/Clusters/{0}", "Import.ToCluster"), new ImportLink("/Organisations?cluster={0}", "Import.ToRegister")]);

    public override IReadOnlyList<ImportSetting> Settings { get; } = [ImportSetting.DefaultMemberSince, ImportSetting.FiguresYear];

    protected override ImportColumns<MemberField> Columns => MemberImportValidator.Columns;

    protected override string LabelOf(MemberImportRecord record) => record.Name;

    protected override async Task<ImportReport<MemberImportRecord>> ValidateAsync(ImportSession session, IReadOnlyDictionary<int, MemberField> mapping,
        IEnumerable<(int RowNumber, IReadOnlyList<string?> Cells)> rows, CancellationToken ct)
    {
        var belgian = await Db.Organisations.Where(o => o.EnterpriseNumber != null).Select(o => o.EnterpriseNumber!).ToListAsync(ct);
        var foreign = await Db.Organisations.Where(o => o.ForeignId != null).Select(o => o.CountryCode + ":" + o.ForeignId).ToListAsync(ct);
        var keys = belgian.Concat(foreign).ToHashSet(StringComparer.Ordinal);
        Func<string, Domain.EnterpriseRegister.RegisterStanding>? standing = null;
        if ((await register.StateAsync(ct)).Loaded)
        {
            // The register's answer for every number in the list, read in chunks before the rows are judged.
            var list = rows.ToList();
            rows = list;
            var column = mapping.Where(m => m.Value == MemberField.EnterpriseNumber).Select(m => (int?)m.Key).FirstOrDefault();
            var numbers = column is not { } c ? [] : list.Select(r => c < r.Cells.Count && EnterpriseNumber.TryParse(r.Cells[c], out var n) ? n.Digits : null).OfType<string>().ToList();
            var active = await register.ActiveByNumberAsync(numbers, ct);
            standing = n => Domain.EnterpriseRegister.RegisterCheck.StandingOfActive(true, active.TryGetValue(n, out var a) ? a : null);
        }
        return MemberImportValidator.Validate(mapping, rows, new MemberImportValidator.Options(session.DefaultMemberSince, keys, standing));
    }

    protected override async Task WriteBatchAsync(ImportSession session, IReadOnlyList<MemberImportRecord> batch, CancellationToken ct)
    {
        var numbers = batch.Where(r => r.EnterpriseNumber is not null).Select(r => r.EnterpriseNumber!).ToList();
        var foreignIds = batch.Where(r => r.ForeignId is not null).Select(r => r.ForeignId!).ToList();
        var existing = await Db.Organisations
            .Where(o => (o.EnterpriseNumber != null && numbers.Contains(o.EnterpriseNumber)) || (o.ForeignId != null && foreignIds.Contains(o.ForeignId)))
            .ToListAsync(ct);
        var byKey = existing.ToDictionary(o => o.RegisterKey, StringComparer.Ordinal);
        var ids = existing.Select(o => o.Id).ToList();
        var memberships = await Db.Memberships.Where(m => m.ClusterId == session.ClusterId && ids.Contains(m.OrganisationId)).ToListAsync(ct);

        foreach (var r in batch)
        {
            if (!byKey.TryGetValue(r.Key, out var org))
            {
                org = r.EnterpriseNumber is not null
                    ? new Organisation(r.Name, r.Kind, r.EnterpriseNumber, r.CountryCode, r.InternationallyActive ?? false)
                    : Organisation.Foreign(r.Name, r.Kind, r.CountryCode, r.ForeignId!, r.InternationallyActive ?? true);
                Db.Organisations.Add(org);
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
                Db.Memberships.Add(membership);
                memberships.Add(membership);
            }
        }
    }
}
