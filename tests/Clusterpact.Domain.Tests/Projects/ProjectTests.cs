namespace Clusterpact.Domain.Tests.Projects;

public class ProjectTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid();
    private static readonly Guid Lead = Guid.NewGuid();
    private static readonly DateOnly Day = new(2020, 2, 1);

    internal static ProjectDetails Details(ProjectType type = ProjectType.Collaboration, decimal budget = 1_000_000m, decimal aid = 500_000m, params Guid[] clusters) =>
        new(type, "Recycled composites", "Summary", StrategicTheme.CircularEconomy, new DateOnly(2020, 1, 1), new DateOnly(2022, 12, 31), 3, 6, budget, aid,
            clusters.Length == 0 ? [A] : clusters);

    [Theory]
    [InlineData(ProjectType.Collaboration, 2, "Project.CollaborationOneCluster")]
    [InlineData(ProjectType.Intercluster, 1, "Project.InterclusterNeedsTwoClusters")]
    public void The_type_decides_how_many_clusters_a_project_has(ProjectType type, int clusters, string code)
    {
        var ids = clusters == 1 ? new[] { A } : new[] { A, B };
        Assert.Equal(code, Project.Check(Details(type, clusters: ids)).Error!.Code);
    }

    [Fact]
    public void An_intercluster_project_joins_two_clusters()
    {
        var p = Project.Propose(Details(ProjectType.Intercluster, clusters: [A, B]), Lead, null).Value!;
        Assert.Equal(new[] { A, B }.Order(), p.ClusterIds);
        Assert.Equal(ProjectStatus.Proposed, p.Status);
        Assert.Equal(Lead, p.LeadOrganisationId);
    }

    [Theory]
    [InlineData(0, 6, "Project.TrlRange")]
    [InlineData(5, 4, "Project.TrlTargetBelowStart")]
    [InlineData(3, 10, "Project.TrlRange")]
    public void Technology_readiness_levels_run_from_1_to_9_and_do_not_go_down(int start, int target, string code)
    {
        var d = Details() with { TrlStart = start, TrlTarget = target };
        Assert.Equal(code, Project.Check(d).Error!.Code);
    }

    [Fact]
    public void Aid_cannot_exceed_the_budget_and_the_end_cannot_precede_the_start()
    {
        Assert.Equal("Project.AidAboveBudget", Project.Check(Details(budget: 100m, aid: 100.01m)).Error!.Code);
        Assert.True(Project.Check(Details(budget: 100m, aid: 100m)).IsSuccess);
        Assert.Equal("Project.EndBeforeStart", Project.Check(Details() with { End = new DateOnly(2019, 12, 31) }).Error!.Code);
        Assert.Equal("Project.TitleRequired", Project.Check(Details() with { Title = " " }).Error!.Code);
    }

    [Fact]
    public void Partner_shares_cannot_exceed_the_budget_and_the_lead_cannot_be_removed()
    {
        var p = Project.Propose(Details(budget: 1_000m, aid: 500m), Lead, null).Value!;
        var partner = Guid.NewGuid();
        Assert.True(p.SetPartner(partner, PartnerRole.Partner, 600m, byAgency: false).IsSuccess);
        Assert.Equal("Project.SharesAboveBudget", p.SetPartner(Lead, PartnerRole.Lead, 400.01m, byAgency: false).Error!.Code);
        Assert.True(p.SetPartner(Lead, PartnerRole.Lead, 400m, byAgency: false).IsSuccess);
        Assert.Equal("Project.LeadRequired", p.RemovePartner(Lead, byAgency: false).Error!.Code);
        Assert.True(p.RemovePartner(partner, byAgency: false).IsSuccess);
    }

    [Fact]
    public void Making_another_partner_lead_keeps_the_former_lead_as_partner()
    {
        var p = Project.Propose(Details(), Lead, null).Value!;
        var other = Guid.NewGuid();
        p.SetPartner(other, PartnerRole.Lead, 0m, byAgency: false);
        Assert.Equal(other, p.LeadOrganisationId);
        Assert.Equal(PartnerRole.Partner, p.Partners.Single(x => x.OrganisationId == Lead).Role);
        Assert.Single(p.Partners, x => x.Role == PartnerRole.Lead);
    }

    [Fact]
    public void After_the_decision_the_cluster_can_no_longer_edit_and_the_agency_cannot_change_the_funding()
    {
        var p = Project.Propose(Details(), Lead, null).Value!;
        Assert.True(p.Take(ProjectStep.Approve, Actors.Agency, null, Day).IsSuccess);
        Assert.Equal("Project.NotEditable", p.Revise(Details() with { Title = "New" }, byAgency: false).Error!.Code);
        Assert.Equal("Project.FundingFixedAfterDecision", p.Revise(Details(aid: 600_000m), byAgency: true).Error!.Code);
        Assert.True(p.Revise(Details() with { Title = "Renamed" }, byAgency: true).IsSuccess);
        Assert.Equal("Renamed", p.Title);
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_only_a_proposal_is_decided()
    {
        var p = Project.Propose(Details(), Lead, null).Value!;
        Assert.Equal(Lifecycle<ProjectStatus>.ReasonRequired, p.Take(ProjectStep.Reject, Actors.Agency, " ", Day).Error!.Code);
        Assert.Equal(Lifecycle<ProjectStatus>.NotYourStep, p.Take(ProjectStep.Approve, new HashSet<Actor> { Actor.ClusterManager }, null, Day).Error!.Code);
        Assert.True(p.Take(ProjectStep.Reject, Actors.Agency, " Outside the roadmap ", Day).IsSuccess);
        Assert.Equal((ProjectStatus.Rejected, "Outside the roadmap", (DateOnly?)Day), (p.Status, p.DecisionNote, p.DecidedOn));
        Assert.Equal("Project.Step.Approve.NotAllowed", p.Take(ProjectStep.Approve, Actors.Agency, null, Day.AddDays(1)).Error!.Code);
    }

    /// <summary>Every (state, step, actor) of the project table against the policy: only the agency decides and moves a project on.</summary>
    [Fact]
    public void The_project_table_allows_exactly_the_expected_steps()
    {
        var expected = new Dictionary<(ProjectStatus, string), (ProjectStatus To, bool Reason)>
        {
            [(ProjectStatus.Proposed, ProjectStep.Approve)] = (ProjectStatus.Approved, false),
            [(ProjectStatus.Proposed, ProjectStep.Reject)] = (ProjectStatus.Rejected, true),
            [(ProjectStatus.Approved, ProjectStep.Start)] = (ProjectStatus.Running, false),
            [(ProjectStatus.Running, ProjectStep.Complete)] = (ProjectStatus.Completed, false),
            [(ProjectStatus.Approved, ProjectStep.Stop)] = (ProjectStatus.Stopped, true),
            [(ProjectStatus.Running, ProjectStep.Stop)] = (ProjectStatus.Stopped, true),
        };
        Assert.Equal([ProjectStep.Approve, ProjectStep.Reject, ProjectStep.Start, ProjectStep.Complete, ProjectStep.Stop], Project.Lifecycle.StepNames);
        foreach (var state in Enum.GetValues<ProjectStatus>())
        foreach (var step in Project.Lifecycle.StepNames)
        foreach (var actor in Enum.GetValues<Actor>())
        {
            var known = expected.TryGetValue((state, step), out var e);
            var allowed = known && actor == Actor.Agency;
            var check = Project.Lifecycle.Check(state, step, actor, "a reason");
            Assert.True(allowed == check.IsSuccess, $"{state} --{step}--> as {actor}: expected {(allowed ? "allowed" : "refused")}");
            if (allowed)
            {
                Assert.Equal(e.To, check.Value!.To);
                Assert.Equal(e.Reason, !Project.Lifecycle.Check(state, step, actor, " ").IsSuccess);
            }
            else Assert.Equal(known ? Lifecycle<ProjectStatus>.NotYourStep : $"Project.Step.{step}.NotAllowed", check.Error!.Code);
        }
    }

    [Fact]
    public void A_stop_keeps_its_reason_and_a_wrong_step_changes_nothing()
    {
        var p = Project.Propose(Details(), Lead, null).Value!;
        Assert.Equal("Project.Step.Start.NotAllowed", p.Take(ProjectStep.Start, Actors.Agency, null, Day).Error!.Code);
        Assert.True(p.Take(ProjectStep.Approve, Actors.Agency, "Past in de roadmap", Day).IsSuccess);
        Assert.True(p.Take(ProjectStep.Start, Actors.Agency, null, Day.AddDays(10)).IsSuccess);
        Assert.Equal("Project.Step.Start.NotAllowed", p.Take(ProjectStep.Start, Actors.Agency, null, Day).Error!.Code);
        Assert.Equal(Lifecycle<ProjectStatus>.ReasonRequired, p.Take(ProjectStep.Stop, Actors.Agency, null, Day).Error!.Code);
        Assert.Equal((ProjectStatus.Running, "Past in de roadmap", (DateOnly?)Day), (p.Status, p.DecisionNote, p.DecidedOn));
        Assert.True(p.Take(ProjectStep.Stop, Actors.Agency, "Partner failliet", Day.AddDays(20)).IsSuccess);
        Assert.Equal((ProjectStatus.Stopped, "Partner failliet", (DateOnly?)Day), (p.Status, p.DecisionNote, p.DecidedOn));
    }

    [Fact]
    public void Results_come_from_a_project_that_started()
    {
        var p = Project.Propose(Details(), Lead, null).Value!;
        var results = new ProjectResults(2_500_000m, 12.5m, 400_000m);
        Assert.Equal("Project.ResultsBeforeStart", p.ReportResults(results).Error!.Code);
        Assert.True(p.Take(ProjectStep.Approve, Actors.Agency, null, Day).IsSuccess);
        Assert.True(p.Take(ProjectStep.Start, Actors.Agency, null, Day).IsSuccess);
        Assert.Equal("Project.ResultNegative", p.ReportResults(results with { ExtraFte = -1 }).Error!.Code);
        Assert.True(p.ReportResults(results).IsSuccess);
        Assert.Equal(12.5m, p.ExtraFte);
    }
}
