namespace Clusterpact.Web.Features.Organisations;

public sealed record ClusterFigures(Guid? ClusterId, string Name, MemberFiguresOn Figures, int NewMembersThisYear);

public sealed record YearFigures(int Year, int MembersAtYearEnd, int NewMembers);

/// <summary>
/// The member figures of <see cref="MemberFigures"/>, computed in SQL over the register (same definitions; a
/// test checks both agree). The programme row counts an organisation once and is shown only to those who see
/// every cluster.
/// </summary>
public sealed class GetMemberFigures(ClusterpactDbContext db, Scope scope, Permissions permissions) : IUseCase
{
    public Task<bool> CanSeeProgrammeAsync() => permissions.HasAsync(Policies.ProgrammeView);

    public async Task<MemberFiguresOn> OnAsync(DateOnly date, Guid? clusterId, CancellationToken ct)
    {
        var visible = scope.Clusters().Select(c => c.Id);
        var active = db.Memberships
            .Where(m => visible.Contains(m.ClusterId) && (clusterId == null || m.ClusterId == clusterId) && m.From <= date && (m.Until == null || m.Until >= date))
            .Select(m => m.OrganisationId).Distinct();
        var row = await db.Organisations.Where(o => active.Contains(o.Id))
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Members = g.Count(),
                Companies = g.Count(o => o.Kind == OrganisationKind.Company),
                Known = g.Count(o => o.Kind == OrganisationKind.Company && o.SizeClass != null),
                Sme = g.Count(o => o.Kind == OrganisationKind.Company && (o.SizeClass == SizeClass.Micro || o.SizeClass == SizeClass.Small || o.SizeClass == SizeClass.Medium)),
                Small = g.Count(o => o.Kind == OrganisationKind.Company && (o.SizeClass == SizeClass.Micro || o.SizeClass == SizeClass.Small)),
                International = g.Count(o => o.Kind == OrganisationKind.Company && o.InternationallyActive),
                Knowledge = g.Count(o => o.Kind == OrganisationKind.KnowledgeInstitution),
            })
            .SingleOrDefaultAsync(ct);
        return row is null
            ? new MemberFiguresOn(date, 0, 0, 0, 0, 0, 0, 0)
            : new MemberFiguresOn(date, row.Members, row.Companies, row.Known, row.Sme, row.Small, row.International, row.Knowledge);
    }

    /// <summary>Organisations whose first membership (of the cluster, or of any visible cluster) starts in the year.</summary>
    public Task<int> NewMembersInAsync(int year, Guid? clusterId, CancellationToken ct)
    {
        var visible = scope.Clusters().Select(c => c.Id);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return db.Memberships.Where(m => visible.Contains(m.ClusterId) && (clusterId == null || m.ClusterId == clusterId))
            .GroupBy(m => m.OrganisationId)
            .Select(g => g.Min(m => m.From))
            .CountAsync(start => start >= first && start <= last, ct);
    }

    /// <summary>
    /// One row per visible cluster, and the programme (counted once) when the caller sees every cluster: the same
    /// definitions as <see cref="OnAsync"/> and <see cref="NewMembersInAsync"/>, grouped per cluster in one query each,
    /// so the page asks the database the same few questions for 3 or 3,000 clusters (issue 18: no query per row).
    /// </summary>
    public async Task<IReadOnlyList<ClusterFigures>> PerClusterAsync(DateOnly date, CancellationToken ct)
    {
        var clusters = await scope.Clusters().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var visible = scope.Clusters().Select(c => c.Id);
        var active = db.Memberships.Where(m => visible.Contains(m.ClusterId) && m.From <= date && (m.Until == null || m.Until >= date))
            .Select(m => new { m.ClusterId, m.OrganisationId }).Distinct();
        var counts = await (from a in active
                            join o in db.Organisations on a.OrganisationId equals o.Id
                            group o by a.ClusterId into g
                            select new
                            {
                                g.Key,
                                Members = g.Count(),
                                Companies = g.Count(o => o.Kind == OrganisationKind.Company),
                                Known = g.Count(o => o.Kind == OrganisationKind.Company && o.SizeClass != null),
                                Sme = g.Count(o => o.Kind == OrganisationKind.Company && (o.SizeClass == SizeClass.Micro || o.SizeClass == SizeClass.Small || o.SizeClass == SizeClass.Medium)),
                                Small = g.Count(o => o.Kind == OrganisationKind.Company && (o.SizeClass == SizeClass.Micro || o.SizeClass == SizeClass.Small)),
                                International = g.Count(o => o.Kind == OrganisationKind.Company && o.InternationallyActive),
                                Knowledge = g.Count(o => o.Kind == OrganisationKind.KnowledgeInstitution),
                            }).ToDictionaryAsync(r => r.Key, ct);
        var first = new DateOnly(date.Year, 1, 1);
        var last = new DateOnly(date.Year, 12, 31);
        var newMembers = await db.Memberships.Where(m => visible.Contains(m.ClusterId))
            .GroupBy(m => new { m.ClusterId, m.OrganisationId })
            .Select(g => new { g.Key.ClusterId, Start = g.Min(m => m.From) })
            .Where(x => x.Start >= first && x.Start <= last)
            .GroupBy(x => x.ClusterId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var result = clusters.Select(c => new ClusterFigures(c.Id, c.Name, counts.TryGetValue(c.Id, out var r)
                ? new MemberFiguresOn(date, r.Members, r.Companies, r.Known, r.Sme, r.Small, r.International, r.Knowledge)
                : new MemberFiguresOn(date, 0, 0, 0, 0, 0, 0, 0), newMembers.GetValueOrDefault(c.Id))).ToList();
        if (await CanSeeProgrammeAsync()) result.Add(new ClusterFigures(null, "", await OnAsync(date, null, ct), await NewMembersInAsync(date.Year, null, ct)));
        return result;
    }

    /// <summary>
    /// Members at each year's end (today for the running year) and new members per year, from the first membership on:
    /// one count per year end (the years of the programme, not its rows) and one grouped query for the new members.
    /// </summary>
    public async Task<IReadOnlyList<YearFigures>> ByYearAsync(Guid? clusterId, DateOnly today, CancellationToken ct)
    {
        var visible = scope.Clusters().Select(c => c.Id);
        var memberships = db.Memberships.Where(m => visible.Contains(m.ClusterId) && (clusterId == null || m.ClusterId == clusterId));
        var firstStart = await memberships.OrderBy(m => m.From).Select(m => (DateOnly?)m.From).FirstOrDefaultAsync(ct);
        if (firstStart is null) return [];
        var starts = await memberships.GroupBy(m => m.OrganisationId).Select(g => g.Min(m => m.From).Year)
            .GroupBy(y => y).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var years = new List<YearFigures>();
        for (var y = firstStart.Value.Year; y <= today.Year; y++)
        {
            var end = y == today.Year ? today : new DateOnly(y, 12, 31);
            years.Add(new YearFigures(y, (await OnAsync(end, clusterId, ct)).Members, starts.GetValueOrDefault(y)));
        }
        return years;
    }
}
