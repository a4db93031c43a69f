namespace Clusterpact.Web.Data.Seed;

/// <summary>The demo's cluster pacts, KPI targets and annual reports.</summary>
internal static class DemoReports
{
    /// <summary>
    /// Pacts for the spearhead clusters with dates (a first version adopted at the start, reviewed once), member-number
    /// targets, and accepted annual reports for the working years up to two years ago; last year's is still a draft.
    /// </summary>
    public static (List<ClusterPact>, List<KpiTarget>, List<AnnualReport>) Build(List<Cluster> clusters, DateOnly today, Random rng)
    {
        var pacts = new List<ClusterPact>();
        var targets = new List<KpiTarget>();
        var reports = new List<AnnualReport>();
        var at = new DateTimeOffset(2021, 1, 15, 9, 0, 0, TimeSpan.Zero);
        foreach (var c in clusters.Where(c => c.Type == ClusterType.SpearheadCluster && c.SupportStart is not null))
        {
            var start = c.SupportStart!.Value.Year;
            var pact = ClusterPact.Start(c.Id, start, $"Jaarplan {start}");
            pact.AddCommitment(PartyKind.ClusterOrganisation, c.Name, "Innovatieroadmap opstellen en jaarlijks actualiseren", "Clustermanager", new DateOnly(start, 12, 31));
            pact.AddCommitment(PartyKind.Members, "Leden", "Cofinanciering van het werkingsbudget storten", "Raad van bestuur", new DateOnly(start, 3, 31));
            pact.AddCommitment(PartyKind.Government, "Flanders Investment & Trade", "Internationale zendingen voor de leden mee organiseren", "FIT", new DateOnly(start + 1, 12, 31));
            pact.Adopt(new DateOnly(start, 3, 1));
            pact.Review(2021, "Jaarplan 2021");
            var mission = pact.CommitmentsOf(2).Single(x => x.PartyKind == PartyKind.Government);
            pact.ChangeCommitment(mission.Key, mission.PartyKind, mission.Party, mission.Description, mission.Owner, new DateOnly(2022, 12, 31), CommitmentStatus.Delayed);
            pact.AddCommitment(PartyKind.Government, "Departement MOW", "Proeftuin voor duurzaam goederenvervoer", "MOW", new DateOnly(2023, 12, 31));
            pact.Adopt(new DateOnly(2021, 3, 1));
            pacts.Add(pact);
            for (var year = Math.Max(start, 2019); year < today.Year; year++)
            {
                targets.Add(KpiTarget.Set(c.Id, KpiCatalogue.Members, year, null, 80 + 10 * (year - 2019), "officer@clusterpact.demo", at).Value!);
                targets.Add(KpiTarget.Set(c.Id, KpiCatalogue.ExtraFte, year, null, 20 + 5 * (year - 2019), "officer@clusterpact.demo", at).Value!);
                var report = AnnualReport.Start(c.Id, year);
                report.SetValue(KpiCatalogue.ExtraTurnover, 5_000_000m + 500_000m * rng.Next(20), null, "Ledenbevraging", null);
                report.SetValue(KpiCatalogue.ExtraFte, 15 + rng.Next(25), null, "Ledenbevraging", null);
                report.SetValue(KpiCatalogue.ExtraInvestments, 1_000_000m + 250_000m * rng.Next(20), null, null, null);
                report.SetValue(KpiCatalogue.MoreCompetitive, 0.2m + 0.01m * rng.Next(25), null, null, null);
                report.SetValue(KpiCatalogue.EuropeanSmes, 3 + rng.Next(15), null, null, null);
                report.SetNarrative($"Het jaarplan {year} werd uitgevoerd; zie bijlagen.");
                if (year < today.Year - 1)
                {
                    report.Submit(Actors.ClusterManager, "manager", new DateTimeOffset(year + 1, 3, 20, 10, 0, 0, TimeSpan.Zero));
                    report.Accept(Actors.Agency, "officer", new DateTimeOffset(year + 1, 4, 15, 10, 0, 0, TimeSpan.Zero));
                }
                reports.Add(report);
            }
        }
        return (pacts, targets, reports);
    }
}
