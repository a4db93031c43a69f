namespace Clusterpact.Domain.Tests.Reports;

/// <summary>The annual report's lifecycle, walked against the table written out here.</summary>
public sealed class ReportLifecycleTests
{
    private static readonly DateTimeOffset At = new(2021, 3, 20, 10, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<(ReportStatus From, string Step), ExpectedStep<ReportStatus>> Expected = new()
    {
        [(ReportStatus.Draft, ReportLifecycle.Submit)] = new(ReportStatus.Submitted, Actor.ClusterManager, Actor.Agency),
        [(ReportStatus.Returned, ReportLifecycle.Submit)] = new(ReportStatus.Submitted, Actor.ClusterManager, Actor.Agency),
        [(ReportStatus.Submitted, ReportLifecycle.Return)] = new(ReportStatus.Returned, Actor.Agency),
        [(ReportStatus.Submitted, ReportLifecycle.Accept)] = new(ReportStatus.Accepted, Actor.Agency),
    };

    /// <summary>A complete report, driven along allowed steps to a status.</summary>
    private static AnnualReport In(ReportStatus status)
    {
        var r = AnnualReport.Start(Guid.NewGuid(), 2020);
        foreach (var kpi in KpiCatalogue.Reported) Assert.True(r.SetValue(kpi.Code, kpi.Unit == KpiUnit.Share ? 0.3m : 10m, null, "bijlage 1", null).IsSuccess);
        r.SetNarrative("Het jaarplan werd uitgevoerd.");
        if (status != ReportStatus.Draft) Assert.True(r.Submit(Actors.ClusterManager, "manager", At).IsSuccess);
        if (status == ReportStatus.Returned) Assert.True(r.Return(Actors.Agency, "officer", At, "Extra VTE onderbouwen").IsSuccess);
        if (status == ReportStatus.Accepted) Assert.True(r.Accept(Actors.Agency, "officer", At).IsSuccess);
        Assert.Equal(status, r.Status);
        return r;
    }

    public static TheoryData<ReportStatus, string, Actor> Cases() =>
        LifecycleMatrix.EveryStateStepAndActor<ReportStatus>([ReportLifecycle.Submit, ReportLifecycle.Return, ReportLifecycle.Accept]);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_step_is_taken_only_from_the_statuses_and_by_the_actors_the_table_names(ReportStatus from, string step, Actor actor)
    {
        var r = In(from);
        var result = r.Take(step, new HashSet<Actor> { actor }, "someone", At, "Opmerkingen van het agentschap");
        LifecycleMatrix.Verify("Report", Expected, from, step, actor, result, r.Status);
    }

    [Fact]
    public void The_table_is_the_expected_one_and_a_return_needs_its_remarks()
    {
        LifecycleMatrix.SameTable(ReportLifecycle.Rules, "Report", Expected, ReportLifecycle.Return);
        var r = In(ReportStatus.Submitted);
        Assert.Equal("Report.RemarkRequired", r.Return(Actors.Agency, "officer", At, " ").Error!.Code);
        Assert.Equal(ReportStatus.Submitted, r.Status);
    }
}
