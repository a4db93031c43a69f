namespace Clusterpact.Web.Data.Seed;

/// <summary>
/// The money of the demo's spearhead-cluster agreements: a working-year budget for every year of every agreement
/// (aid close to the yearly maximum in force, members' cofinancing a little over half the costs, paid in on time),
/// and the aid paid in two tranches (60% two months into the year, 40% after the year's report) by an officer's
/// request and an administrator's approval. Through the domain rules, like everything the seeder builds.
/// </summary>
public static class DemoBudgets
{
    public static List<AgreementYear> Years(IEnumerable<SupportAgreement> agreements, DateOnly today, Random rng)
    {
        var rules = FundingRuleSet.Default;
        var years = new List<AgreementYear>();
        foreach (var agreement in agreements.Where(a => a.ClusterType == ClusterType.SpearheadCluster))
        {
            var own = new List<AgreementYear>();
            for (var start = agreement.Start; start <= agreement.End; start = start.AddYears(1))
            {
                var maximum = rules.InForce(agreement.ClusterType, start)!.MaxYearlyOperatingAid;
                var aid = Math.Round(maximum * (0.9m + (decimal)rng.NextDouble() * 0.1m) / 5_000m) * 5_000m;
                var costs = aid * 2.1m;
                var cofinancing = Math.Round(costs * 0.52m / 1_000m) * 1_000m;
                var planned = AgreementYear.Plan(agreement, own, start, aid, cofinancing,
                    Math.Round(costs * 0.5m), Math.Round(costs * 0.2m), Math.Round(costs * 0.15m), costs - Math.Round(costs * 0.5m) - Math.Round(costs * 0.2m) - Math.Round(costs * 0.15m), rules);
                if (!planned.IsSuccess) throw new InvalidOperationException($"Demo budget {start}: {planned.Error!.Code}");
                var year = planned.Value!;
                // The members pay their cofinancing in full six weeks into the year: the deposit rule is met.
                var paidOn = start.AddDays(45);
                if (paidOn <= today) year.RecordCofinancing(paidOn, cofinancing, $"Storting leden {start.Year}");
                own.Add(year);
            }
            years.AddRange(own);
        }
        return years;
    }


    public static List<AidPayment> Payments(IEnumerable<AgreementYear> years, DateOnly today, Guid officer, Guid admin)
    {
        var payments = new List<AidPayment>();
        foreach (var year in years)
        {
            var first = Math.Round(year.GrantedAid * 0.6m, 2);
            var tranches = new[] { (Amount: first, Requested: year.YearStart.AddDays(30), Paid: year.YearStart.AddDays(60)),
                (Amount: year.GrantedAid - first, Requested: year.YearStart.AddMonths(15), Paid: year.YearStart.AddMonths(15).AddDays(30)) };
            var own = new List<AidPayment>();
            foreach (var (amount, on, paidOn) in tranches.Where(t => t.Requested <= today))
            {
                var payment = year.RequestPayment(amount, own, officer, on).Value!;
                own.Add(payment);
                payment.Take(AidPayment.Approve, Actors.Agency, admin, on);
                if (paidOn <= today) payment.Take(AidPayment.MarkPaid, Actors.Agency, admin, paidOn);
                payments.Add(payment);
            }
        }
        return payments;
    }
}
