using Clusterpact.Web.Features.Agreements;

namespace Clusterpact.Web.Tests.Agreements;

/// <summary>The deposit rule as SQL (<see cref="DepositStates"/>) against the domain rule (<see cref="AgreementYear.DepositOn"/>).</summary>
[Collection(AppCollection.Name)]
public sealed class DepositStatesTests(ClusterpactApp app)
{
    internal static IQueryable<DepositStates.Period> Periods(ClusterpactDbContext db) =>
        from y in db.AgreementYears
        join a in db.SupportAgreements on y.AgreementId equals a.Id
        select new DepositStates.Period { ClusterId = a.ClusterId, Year = y };

    internal static async Task<Dictionary<Guid, DepositStatus>> SqlAsync(ClusterpactDbContext db, DateOnly day, IQueryable<DepositStates.Period>? periods = null) =>
        await DepositStates.Of(periods ?? Periods(db), day).ToDictionaryAsync(s => s.YearId, s => s.Status);

    [Fact]
    public async Task The_sql_states_equal_the_domain_rule_for_every_working_year_around_every_deadline()
    {
        var years = await app.WithDbAsync(db => db.AgreementYears.AsNoTracking().ToListAsync());
        Assert.NotEmpty(years);
        // Today, and each year's start and the days around its deadline and its warning window.
        var days = years.SelectMany(y => new[] { 0, 1 }.Select(d => y.YearStart.AddDays(d))
                .Concat(new[] { -31, -30, -1, 0, 1 }.Select(d => CofinancingDeposit.Deadline(y.YearStart).AddDays(d))))
            .Append(app.Today).Distinct().Order().ToList();
        foreach (var day in days)
        {
            var sql = await app.WithDbAsync(db => SqlAsync(db, day));
            var domain = years.Where(y => y.YearStart <= day).ToDictionary(y => y.Id, y => y.DepositOn(day).Status);
            Assert.Equal(domain.OrderBy(x => x.Key), sql.OrderBy(x => x.Key));
        }
    }
}

/// <summary>The deposit rule in SQL on hand-worked years: a deadline clamped to February's end and the 80% rounded to the cent.</summary>
[Collection(FreshInstallations.Name)]
public sealed class DepositStatesHandWorkedTests
{
    [Fact]
    public async Task A_start_on_30_november_has_its_deadline_on_28_february_and_80_percent_is_rounded_to_the_cent()
    {
        await using var app = new FreshInstallation();
        var (agreementId, first, second) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ClusterpactDbContext>();
            var rules = FundingRuleSet.Default;
            var cluster = new Cluster("Deposit hand", ClusterType.SpearheadCluster, "Chemistry", "test", new DateOnly(2025, 11, 30), null, ClusterStatus.Supported);
            db.Clusters.Add(cluster);
            var start = new DateOnly(2025, 11, 30);
            var agreement = SupportAgreement.Create(cluster.Id, cluster.Type, start, new DateOnly(2028, 11, 29), "HF-HAND", start, rules).Value!;
            db.SupportAgreements.Add(agreement);
            // Planned cofinancing 1.092,01: 80% is 873,608, so 873,61 is required.
            var one = AgreementYear.Plan(agreement, [], start, 1_000m, 1_092.01m, 1_050m, 420m, 315m, 315m, rules).Value!;
            var two = AgreementYear.Plan(agreement, [one], start.AddYears(1), 1_000m, 1_092.01m, 1_050m, 420m, 315m, 315m, rules).Value!;
            Assert.True(one.RecordCofinancing(new DateOnly(2026, 2, 28), 873.60m, "short by a cent").IsSuccess);
            Assert.True(one.RecordCofinancing(new DateOnly(2026, 3, 2), 0.01m, "the cent, late").IsSuccess);
            Assert.True(two.RecordCofinancing(new DateOnly(2027, 2, 28), 873.61m, "in full on the last day").IsSuccess);
            db.AgreementYears.AddRange(one, two);
            await db.SaveChangesAsync();
            return (agreement.Id, one.Id, two.Id);
        });

        (DateOnly Day, DepositStatus First, DepositStatus? Second)[] expected =
        [
            (new(2026, 1, 28), DepositStatus.AwaitingPayment, null), // 31 days before 28-02
            (new(2026, 1, 29), DepositStatus.DueSoon, null),         // 30 days before
            (new(2026, 2, 28), DepositStatus.DueSoon, null),         // the deadline itself, a cent short
            (new(2026, 3, 1), DepositStatus.Late, null),
            (new(2026, 3, 2), DepositStatus.PaidLate, null),
            (new(2027, 2, 28), DepositStatus.PaidLate, DepositStatus.OnTrack),
            (new(2027, 3, 1), DepositStatus.PaidLate, DepositStatus.OnTrack),
        ];
        foreach (var (day, one, two) in expected)
        {
            var (sql, domain) = await app.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<ClusterpactDbContext>();
                var periods = DepositStatesTests.Periods(db).Where(p => p.Year.AgreementId == agreementId);
                var years = await db.AgreementYears.AsNoTracking().Where(y => y.AgreementId == agreementId && y.YearStart <= day).ToListAsync();
                return (await DepositStatesTests.SqlAsync(db, day, periods), years.ToDictionary(y => y.Id, y => y.DepositOn(day).Status));
            });
            var want = new Dictionary<Guid, DepositStatus> { [first] = one };
            if (two is { } s) want[second] = s;
            Assert.Equal(want.OrderBy(x => x.Key), domain.OrderBy(x => x.Key));
            Assert.Equal(want.OrderBy(x => x.Key), sql.OrderBy(x => x.Key));
        }
    }
}
