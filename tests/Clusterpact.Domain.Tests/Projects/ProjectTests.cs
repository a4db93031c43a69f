using Clusterpact.Domain.Projects;

namespace Clusterpact.Domain.Tests.Projects;

public class ProjectTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid();
    private static readonly Guid Lead = Guid.NewGuid();

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
        Assert.True(p.Decide(approve: true, null, new DateOnly(2020, 2, 1)).IsSuccess);
        Assert.Equal("Project.NotEditable", p.Revise(Details() with { Title = "New" }, byAgency: false).Error!.Code);
        Assert.Equal("Project.FundingFixedAfterDecision", p.Revise(Details(aid: 600_000m), byAgency: true).Error!.Code);
        Assert.True(p.Revise(Details() with { Title = "Renamed" }, byAgency: true).IsSuccess);
        Assert.Equal("Renamed", p.Title);
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_only_a_proposal_is_decided()
    {
        var p = Project.Propose(Details(), Lead, null).Value!;
        Assert.Equal("Project.ReasonRequired", p.Decide(approve: false, " ", new DateOnly(2020, 2, 1)).Error!.Code);
        Assert.True(p.Decide(approve: false, "Outside the roadmap", new DateOnly(2020, 2, 1)).IsSuccess);
        Assert.Equal(ProjectStatus.Rejected, p.Status);
        Assert.Equal("Project.NotProposed", p.Decide(approve: true, null, new DateOnly(2020, 2, 2)).Error!.Code);
    }

    [Theory]
    [InlineData(ProjectStatus.Proposed, ProjectStatus.Running, false)]
    [InlineData(ProjectStatus.Approved, ProjectStatus.Running, true)]
    [InlineData(ProjectStatus.Approved, ProjectStatus.Completed, false)]
    [InlineData(ProjectStatus.Running, ProjectStatus.Completed, true)]
    [InlineData(ProjectStatus.Running, ProjectStatus.Stopped, true)]
    [InlineData(ProjectStatus.Completed, ProjectStatus.Running, false)]
    public void The_status_moves_only_forward(ProjectStatus from, ProjectStatus to, bool allowed)
    {
        var p = Project.Propose(Details(), Lead, null).Value!;
        if (from != ProjectStatus.Proposed) p.Decide(true, null, new DateOnly(2020, 2, 1));
        if (from is ProjectStatus.Running or ProjectStatus.Completed) p.MoveTo(ProjectStatus.Running, null);
        if (from == ProjectStatus.Completed) p.MoveTo(ProjectStatus.Completed, null);
        Assert.Equal(from, p.Status);
        Assert.Equal(allowed, p.MoveTo(to, "reason").IsSuccess);
    }

    [Fact]
    public void Results_come_from_a_project_that_started()
    {
        var p = Project.Propose(Details(), Lead, null).Value!;
        var results = new ProjectResults(2_500_000m, 12.5m, 400_000m);
        Assert.Equal("Project.ResultsBeforeStart", p.ReportResults(results).Error!.Code);
        p.Decide(true, null, new DateOnly(2020, 2, 1));
        p.MoveTo(ProjectStatus.Running, null);
        Assert.Equal("Project.ResultNegative", p.ReportResults(results with { ExtraFte = -1 }).Error!.Code);
        Assert.True(p.ReportResults(results).IsSuccess);
        Assert.Equal(12.5m, p.ExtraFte);
    }
}
