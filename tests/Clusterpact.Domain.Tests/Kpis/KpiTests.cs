namespace Clusterpact.Domain.Tests.Kpis;

public class KpiCalculatorTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid();

    // Five organisations: three SMEs (one internationally active), one large company (internationally active), one university.
    private static readonly OrganisationFacts Sme1 = new(Guid.NewGuid(), OrganisationKind.Company, SizeClass.Small, true);
    private static readonly OrganisationFacts Sme2 = new(Guid.NewGuid(), OrganisationKind.Company, SizeClass.Micro, false);
    private static readonly OrganisationFacts Sme3 = new(Guid.NewGuid(), OrganisationKind.Company, SizeClass.Medium, false);
    private static readonly OrganisationFacts Big = new(Guid.NewGuid(), OrganisationKind.Company, SizeClass.Large, true);
    private static readonly OrganisationFacts Uni = new(Guid.NewGuid(), OrganisationKind.KnowledgeInstitution, null, false);

    private static KpiInputs Inputs()
    {
        var orgs = new[] { Sme1, Sme2, Sme3, Big, Uni }.ToDictionary(o => o.Id);
        var memberships = new List<MembershipPeriod>
        {
            new(Sme1.Id, A, new(2019, 1, 1), null), new(Sme2.Id, A, new(2020, 3, 1), null), new(Big.Id, A, new(2019, 1, 1), new(2020, 6, 30)),
            new(Uni.Id, A, new(2020, 1, 1), null),
            new(Sme1.Id, B, new(2020, 5, 1), null), new(Sme3.Id, B, new(2020, 2, 1), null), new(Big.Id, B, new(2018, 1, 1), null),
        };
        PartnerFacts P(OrganisationFacts o) => new(o.Id, o.Kind, o.Size);
        var projects = new List<ProjectFacts>
        {
            new(Guid.NewGuid(), ProjectType.Collaboration, ProjectStatus.Running, StrategicTheme.Materials, new(2020, 4, 1), [A], [P(Sme1), P(Sme2), P(Big)], 1_000_000m, 400_000m, null, null, null),
            new(Guid.NewGuid(), ProjectType.Intercluster, ProjectStatus.Approved, StrategicTheme.Materials, new(2020, 9, 1), [A, B], [P(Sme1), P(Sme3), P(Uni)], 500_000m, 250_000m, null, null, null),
            new(Guid.NewGuid(), ProjectType.European, ProjectStatus.Running, StrategicTheme.Materials, new(2020, 2, 1), [B], [P(Sme3), P(Big), P(Sme1)], 800_000m, 300_000m, null, null, null),
        };
        return new KpiInputs(memberships, orgs, projects);
    }

    [Fact]
    public void Member_kpis_on_31_december()
    {
        var i = Inputs();
        // Cluster A on 31-12-2020: Sme1, Sme2, Uni (Big left on 30-06-2020) = 3 members; companies Sme1, Sme2: both SMEs, one international.
        Assert.Equal(3m, KpiCalculator.Compute(KpiCatalogue.Members, 2020, i, A));
        Assert.Equal(1m, KpiCalculator.Compute(KpiCatalogue.SmeShare, 2020, i, A));
        Assert.Equal(0.5m, KpiCalculator.Compute(KpiCatalogue.InternationalShare, 2020, i, A));
        // New in A in 2020: Sme2 and Uni (Sme1 and Big joined in 2019).
        Assert.Equal(2m, KpiCalculator.Compute(KpiCatalogue.NewMembers, 2020, i, A));
        // Cluster B: Sme1, Sme3, Big = 3; SMEs 2 of 3 companies = 0.6667; international Sme1 and Big = 0.6667.
        Assert.Equal(3m, KpiCalculator.Compute(KpiCatalogue.Members, 2020, i, B));
        Assert.Equal(0.6667m, KpiCalculator.Compute(KpiCatalogue.SmeShare, 2020, i, B));
    }

    [Fact]
    public void The_programme_counts_an_organisation_in_two_clusters_once()
    {
        var i = Inputs();
        // A has 3 and B has 3 members, but Sme1 is in both: the programme has Sme1, Sme2, Uni, Sme3, Big = 5, not 6.
        Assert.Equal(5m, KpiCalculator.Compute(KpiCatalogue.Members, 2020, i));
        // Companies Sme1, Sme2, Sme3, Big: 3 SMEs of 4 = 0.75; internationally active Sme1 and Big = 0.5.
        Assert.Equal(0.75m, KpiCalculator.Compute(KpiCatalogue.SmeShare, 2020, i));
        Assert.Equal(0.5m, KpiCalculator.Compute(KpiCatalogue.InternationalShare, 2020, i));
        // New in the programme in 2020: Sme2, Uni, Sme3 (Sme1 joined A in 2019, Big joined B in 2018).
        Assert.Equal(3m, KpiCalculator.Compute(KpiCatalogue.NewMembers, 2020, i));
    }

    [Fact]
    public void Project_kpis_count_the_intercluster_project_once_for_the_programme()
    {
        var i = Inputs();
        // A: the collaboration project (3 companies) and the intercluster one (2 companies + a university): 1 with ≥ 3 companies.
        Assert.Equal(1m, KpiCalculator.Compute(KpiCatalogue.CollaborationProjects, 2020, i, A));
        // B: the intercluster one (2 companies) and the European one (3 companies): 1.
        Assert.Equal(1m, KpiCalculator.Compute(KpiCatalogue.CollaborationProjects, 2020, i, B));
        // Programme: 3 projects, 2 with ≥ 3 companies (1 + 1 = 2, the intercluster project is not counted twice).
        Assert.Equal(2m, KpiCalculator.Compute(KpiCatalogue.CollaborationProjects, 2020, i));
        // Funding mobilised: A 400,000 + 250,000 = 650,000; B 250,000 + 300,000 = 550,000; programme 950,000 (not 1,200,000).
        Assert.Equal(650_000m, KpiCalculator.Compute(KpiCatalogue.ProjectFunding, 2020, i, A));
        Assert.Equal(550_000m, KpiCalculator.Compute(KpiCatalogue.ProjectFunding, 2020, i, B));
        Assert.Equal(950_000m, KpiCalculator.Compute(KpiCatalogue.ProjectFunding, 2020, i));
    }

    [Fact]
    public void A_year_not_over_yet_counts_up_to_the_day_asked()
    {
        var i = Inputs();
        var through = new DateOnly(2020, 2, 15);
        // On 15-02-2020 A has Sme1, Big (until 30-06) and Uni; Sme2 joins on 01-03. Companies Sme1 (small) and Big: half SMEs.
        Assert.Equal(3m, KpiCalculator.Compute(KpiCatalogue.Members, 2020, i, A, through));
        Assert.Equal(0.5m, KpiCalculator.Compute(KpiCatalogue.SmeShare, 2020, i, A, through));
        // New so far: in A only Uni; in the programme Uni and Sme3 (01-02).
        Assert.Equal(1m, KpiCalculator.Compute(KpiCatalogue.NewMembers, 2020, i, A, through));
        Assert.Equal(2m, KpiCalculator.Compute(KpiCatalogue.NewMembers, 2020, i, null, through));
        // Only the European project (B, 01-02) had started: none of A's.
        Assert.Equal(1m, KpiCalculator.Compute(KpiCatalogue.CollaborationProjects, 2020, i, null, through));
        Assert.Equal(300_000m, KpiCalculator.Compute(KpiCatalogue.ProjectFunding, 2020, i, null, through));
        Assert.Equal(0m, KpiCalculator.Compute(KpiCatalogue.ProjectFunding, 2020, i, A, through));
        // A day after the year counts the whole year, as without one.
        Assert.Equal(KpiCalculator.Compute(KpiCatalogue.NewMembers, 2020, i, A), KpiCalculator.Compute(KpiCatalogue.NewMembers, 2020, i, A, new DateOnly(2021, 3, 1)));
        Assert.Equal(950_000m, KpiCalculator.Compute(KpiCatalogue.ProjectFunding, 2020, i, null, new DateOnly(2021, 3, 1)));
    }

    [Fact]
    public void A_reported_kpi_is_not_computed()
    {
        Assert.Null(KpiCalculator.Compute(KpiCatalogue.ExtraTurnover, 2020, Inputs(), A));
    }

    [Fact]
    public void Reported_values_aggregate_by_their_rule_and_missing_clusters_are_left_out()
    {
        var fte = KpiCatalogue.Find(KpiCatalogue.ExtraFte)!;
        var competitive = KpiCatalogue.Find(KpiCatalogue.MoreCompetitive)!;
        Assert.Equal(15.5m, KpiCalculator.Aggregate(fte, [10m, null, 5.5m]));
        // An average over the clusters that reported: (0.30 + 0.40) / 2, not / 3.
        Assert.Equal(0.35m, KpiCalculator.Aggregate(competitive, [0.30m, 0.40m, null]));
        Assert.Null(KpiCalculator.Aggregate(fte, [null, null]));
        var latest = KpiCatalogue.Find(KpiCatalogue.MoreCompetitive)! with { Aggregation = KpiAggregation.Latest };
        Assert.Equal(0.4m, KpiCalculator.Aggregate(latest, [0.3m, 0.4m]));
    }

    [Fact]
    public void The_catalogue_holds_the_kpis_the_sources_name_each_once()
    {
        Assert.Equal(KpiCatalogue.All.Count, KpiCatalogue.All.Select(k => k.Code).Distinct().Count());
        Assert.Equal(KpiSource.Computed, KpiCatalogue.Find(KpiCatalogue.CollaborationProjects)!.Source);
        Assert.Equal(KpiSource.Reported, KpiCatalogue.Find(KpiCatalogue.ExtraTurnover)!.Source);
        Assert.Contains(KpiCatalogue.Reported, k => k.Code == KpiCatalogue.EuropeanSmes);
    }
}

public class KpiTargetAndCheckTests
{
    private static readonly DateTimeOffset At = new(2021, 1, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_target_change_needs_a_reason_and_keeps_its_history()
    {
        var t = KpiTarget.Set(Guid.NewGuid(), KpiCatalogue.Members, 2021, 120, 150, "officer", At).Value!;
        Assert.Equal("Kpi.ReasonRequired", t.Change(170, " ", "officer", At).Error!.Code);
        Assert.True(t.Change(170, "Fusie met een netwerk", "officer", At.AddDays(1)).IsSuccess);
        Assert.Equal(170m, t.Target);
        Assert.Equal([(null, 150m), (150m, 170m)], t.Changes.Select(c => (c.From, c.To)));
        Assert.Equal("Fusie met een netwerk", t.Changes[^1].Reason);
    }

    [Fact]
    public void A_share_target_lies_between_0_and_1()
    {
        Assert.Equal("Kpi.OutOfRange", KpiTarget.Set(Guid.NewGuid(), KpiCatalogue.SmeShare, 2021, null, 1.2m, "x", At).Error!.Code);
        Assert.Equal("Kpi.Unknown", KpiTarget.Set(Guid.NewGuid(), "nope", 2021, null, 1m, "x", At).Error!.Code);
    }

    [Theory]
    [InlineData(KpiCatalogue.MoreCompetitive, 1.01, null, "Kpi.ShareRange")]
    [InlineData(KpiCatalogue.ExtraTurnover, -1, null, "Kpi.Negative")]
    [InlineData(KpiCatalogue.EuropeanSmes, 2.5, null, "Kpi.WholeNumber")]
    [InlineData(KpiCatalogue.ExtraFte, 301.0, 100.0, "Kpi.MuchHigherThanLastYear")]
    [InlineData(KpiCatalogue.ExtraFte, 49.0, 100.0, "Kpi.MuchLowerThanLastYear")]
    public void Values_are_checked_for_type_range_and_plausibility(string code, double value, double? lastYear, string expected)
    {
        var findings = KpiValueCheck.Check(KpiCatalogue.Find(code)!, (decimal)value, (decimal?)lastYear);
        Assert.Equal(expected, Assert.Single(findings).Code);
    }

    [Theory]
    [InlineData(300.0, 100.0)]
    [InlineData(50.0, 100.0)]
    [InlineData(12.5, null)]
    public void Plausible_values_pass(double value, double? lastYear) =>
        Assert.Empty(KpiValueCheck.Check(KpiCatalogue.Find(KpiCatalogue.ExtraFte)!, (decimal)value, (decimal?)lastYear));
}

public class PactTests
{
    [Fact]
    public void A_yearly_review_copies_the_adopted_version_and_versions_compare_by_commitment()
    {
        var pact = ClusterPact.Start(Guid.NewGuid(), 2020, "Jaarplan 2020");
        Assert.True(pact.AddCommitment(PartyKind.ClusterOrganisation, "Catalisti", "Roadmap circulaire kunststoffen", "Clustermanager", new DateOnly(2020, 12, 31)).IsSuccess);
        Assert.True(pact.AddCommitment(PartyKind.Government, "Flanders Investment & Trade", "Internationale missie organiseren", "FIT", new DateOnly(2021, 6, 30)).IsSuccess);
        Assert.True(pact.AddCommitment(PartyKind.Members, "Leden", "Cofinanciering storten", "Raad van bestuur", null).IsSuccess);
        Assert.True(pact.Adopt(new DateOnly(2020, 3, 1)).IsSuccess);
        Assert.Equal("Pact.NoDraft", pact.AddCommitment(PartyKind.Members, "Leden", "Te laat", "x", null).Error!.Code);

        Assert.True(pact.Review(2021, "Jaarplan 2021").IsSuccess);
        Assert.Equal("Pact.DraftExists", pact.Review(2021, null).Error!.Code);
        var v2 = pact.CommitmentsOf(2);
        Assert.Equal(3, v2.Count);
        var roadmap = v2.Single(c => c.Description.StartsWith("Roadmap", StringComparison.Ordinal));
        var mission = v2.Single(c => c.Party == "Flanders Investment & Trade");
        var cofinancing = v2.Single(c => c.PartyKind == PartyKind.Members);
        pact.ChangeCommitment(roadmap.Key, roadmap.PartyKind, roadmap.Party, roadmap.Description, roadmap.Owner, roadmap.Due, CommitmentStatus.Done);
        pact.ChangeCommitment(mission.Key, mission.PartyKind, mission.Party, mission.Description, "FIT en VLAIO", new DateOnly(2021, 9, 30), CommitmentStatus.Delayed);
        pact.RemoveCommitment(cofinancing.Key);
        pact.AddCommitment(PartyKind.Government, "Departement MOW", "Proeftuin waterstoftransport", "MOW", new DateOnly(2022, 12, 31));
        pact.Adopt(new DateOnly(2021, 3, 1));

        // Version 1 is untouched.
        Assert.Equal(CommitmentStatus.Planned, pact.CommitmentsOf(1).Single(c => c.Key == roadmap.Key).Status);
        var diff = pact.Compare(1, 2).ToDictionary(d => (d.After ?? d.Before)!.Description);
        Assert.Equal(ChangeKind.Changed, diff["Roadmap circulaire kunststoffen"].Kind);
        Assert.Equal(["Status"], diff["Roadmap circulaire kunststoffen"].ChangedFields);
        Assert.Equal(["Owner", "Due", "Status"], diff["Internationale missie organiseren"].ChangedFields);
        Assert.Equal(ChangeKind.Removed, diff["Cofinanciering storten"].Kind);
        Assert.Equal(ChangeKind.Added, diff["Proeftuin waterstoftransport"].Kind);
    }

    [Fact]
    public void A_commitment_needs_a_party_a_description_and_an_owner_and_a_version_needs_commitments()
    {
        var pact = ClusterPact.Start(Guid.NewGuid(), 2020, null);
        Assert.Equal("Pact.NoCommitments", pact.Adopt(new DateOnly(2020, 1, 1)).Error!.Code);
        Assert.Equal("Pact.CommitmentIncomplete", pact.AddCommitment(PartyKind.Members, "Leden", "Iets", " ", null).Error!.Code);
    }
}

public class AnnualReportTests
{
    private static readonly DateTimeOffset At = new(2021, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static AnnualReport Filled()
    {
        var r = AnnualReport.Start(Guid.NewGuid(), 2020);
        foreach (var kpi in KpiCatalogue.Reported)
            Assert.True(r.SetValue(kpi.Code, kpi.Unit == KpiUnit.Share ? 0.3m : 10m, null, "bijlage 1", null).IsSuccess);
        r.SetNarrative("Het jaarplan werd grotendeels uitgevoerd.");
        return r;
    }

    [Fact]
    public void Draft_submitted_returned_resubmitted_accepted()
    {
        var r = Filled();
        Assert.True(r.Submit(Actors.ClusterManager, "manager", At).IsSuccess);
        Assert.Equal("Report.NotEditable", r.SetNarrative("x").Error!.Code);
        Assert.Equal("Report.RemarkRequired", r.Return(Actors.Agency, "officer", At, "").Error!.Code);
        Assert.True(r.Return(Actors.Agency, "officer", At.AddDays(1), "Extra omzet onderbouwen").IsSuccess);
        Assert.Equal("Extra omzet onderbouwen", r.LatestRemark);
        Assert.True(r.SetValue(KpiCatalogue.ExtraTurnover, 12m, "Volgens enquête", null, null).IsSuccess);
        Assert.Equal("Report.Step.Accept.NotAllowed", r.Accept(Actors.Agency, "officer", At).Error!.Code);
        Assert.True(r.Submit(Actors.ClusterManager, "manager", At.AddDays(2)).IsSuccess);
        Assert.True(r.Accept(Actors.Agency, "officer", At.AddDays(3)).IsSuccess);
        Assert.Equal([ReportStatus.Submitted, ReportStatus.Returned, ReportStatus.Submitted, ReportStatus.Accepted], r.Steps.Select(s => s.To));
        Assert.Equal("Report.NotEditable", r.SetValue(KpiCatalogue.ExtraFte, 1m, null, null, null).Error!.Code);
        Assert.Equal("Report.Step.Return.NotAllowed", r.Return(Actors.Agency, "officer", At, "x").Error!.Code);
    }

    [Fact]
    public void A_report_is_submitted_only_when_complete_and_warnings_are_explained()
    {
        var r = AnnualReport.Start(Guid.NewGuid(), 2020);
        Assert.Equal("Report.ValueMissing", r.Submit(Actors.ClusterManager, "m", At).Error!.Code);
        r = Filled();
        var findings = r.SetValue(KpiCatalogue.ExtraFte, 40m, null, null, lastYear: 10m).Value!;
        Assert.Equal("Kpi.MuchHigherThanLastYear", Assert.Single(findings).Code);
        Assert.Equal("Report.WarningNeedsComment", r.Submit(Actors.ClusterManager, "m", At).Error!.Code);
        r.SetValue(KpiCatalogue.ExtraFte, 40m, "Nieuwe fabriek van een lid", null, 10m);
        Assert.True(r.Submit(Actors.ClusterManager, "m", At).IsSuccess);
    }

    [Fact]
    public void An_impossible_value_is_refused_at_entry()
    {
        var r = AnnualReport.Start(Guid.NewGuid(), 2020);
        Assert.Equal("Kpi.ShareRange", r.SetValue(KpiCatalogue.MoreCompetitive, 30m, null, null, null).Error!.Code);
        Assert.Null(r.ValueOf(KpiCatalogue.MoreCompetitive));
    }

    [Theory]
    [InlineData("2021-02-28", DeadlineState.NotDue)]
    [InlineData("2021-03-01", DeadlineState.DueSoon)]
    [InlineData("2021-03-31", DeadlineState.DueSoon)]
    [InlineData("2021-04-01", DeadlineState.Overdue)]
    public void The_report_for_a_working_year_is_due_on_31_march_of_the_next(string today, DeadlineState expected)
    {
        var r = AnnualReport.Start(Guid.NewGuid(), 2020);
        Assert.Equal(new DateOnly(2021, 3, 31), r.DueOn);
        Assert.Equal(expected, r.DeadlineOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
        var done = Filled();
        done.Submit(Actors.ClusterManager, "m", At);
        Assert.Equal(DeadlineState.Done, done.DeadlineOn(new DateOnly(2021, 5, 1)));
    }
}
