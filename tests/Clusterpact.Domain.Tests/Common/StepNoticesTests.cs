using System.Reflection;

namespace Clusterpact.Domain.Tests.Common;

public sealed class StepNoticesTests
{
    /// <summary>Every lifecycle table the domain declares, found by reflection so a new table cannot be left out.</summary>
    public static IEnumerable<(string Name, IReadOnlyList<string> Steps)> Tables() =>
        typeof(Lifecycle<>).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(Lifecycle<>))
            .Select(f => f.GetValue(null)!)
            .Select(table => ((string)table.GetType().GetProperty("Name")!.GetValue(table)!, (IReadOnlyList<string>)table.GetType().GetProperty("StepNames")!.GetValue(table)!))
            .ToList();

    [Fact]
    public void The_domain_declares_the_six_lifecycle_tables()
    {
        Assert.Equal(["Application", "Assignment", "Evaluation", "Payment", "Project", "Report"], Tables().Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_step_of_every_lifecycle_declares_who_is_told()
    {
        var missing = Tables().SelectMany(t => t.Steps.Where(s => !StepNotices.IsDeclared(t.Name, s)).Select(s => $"{t.Name}.{s}")).ToList();
        Assert.True(missing.Count == 0, "Steps with no declared recipients: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_notices_name_no_step_that_a_table_does_not_have()
    {
        var steps = Tables().SelectMany(t => t.Steps.Select(s => (t.Name, s))).ToHashSet();
        Assert.All(StepNotices.Told, n => Assert.Contains((n.Lifecycle, n.Step), steps));
    }

    [Theory]
    [InlineData("Report", ReportLifecycle.Return, Recipients.ClusterManagers)]
    [InlineData("Report", ReportLifecycle.Accept, Recipients.ClusterManagers)]
    [InlineData("Application", ApplicationLifecycle.Submit, Recipients.Applicant | Recipients.ProgrammeOfficers)]
    [InlineData("Application", ApplicationLifecycle.MarkEligible, Recipients.Applicant)]
    [InlineData("Application", ApplicationLifecycle.MarkIneligible, Recipients.Applicant)]
    [InlineData("Application", ApplicationLifecycle.Decide, Recipients.Applicant)]
    [InlineData("Payment", AidPayment.Approve, Recipients.ClusterManagers)]
    [InlineData("Project", ProjectStep.Approve, Recipients.ClusterManagers)]
    public void The_steps_the_issue_names_tell_the_person_they_concern(string lifecycle, string step, Recipients expected) =>
        Assert.Equal(expected, StepNotices.For(lifecycle, step));

    [Fact]
    public void An_undeclared_step_is_an_error_not_silence() =>
        Assert.Throws<InvalidOperationException>(() => StepNotices.For("Report", "Archive"));
}
