using System.Reflection;

namespace Clusterpact.Domain.Tests.Agreements;

/// <summary>
/// A database returns the rows of an owned collection in no stated order: EF Core leaves the last collection of a query
/// unordered, and PostgreSQL then gave an agreement's terms shuffled, so the agreements overview showed the end of an
/// earlier term (CI, 5 December 2026). The aggregate's answers must not depend on the order its lists were loaded in.
/// </summary>
public sealed class LoadOrderTests
{
    private static readonly FundingRuleSet Rules = FundingRuleSet.Default;
    private static readonly DateOnly FirstAid = new(2017, 1, 1);

    /// <summary>Puts a private list of the aggregate in reverse, as a database may hand it to the object.</summary>
    private static void Reverse<T>(object owner, string field) =>
        ((List<T>)owner.GetType().GetField(field, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(owner)!).Reverse();

    [Fact]
    public void Start_end_and_the_terms_follow_the_dates_not_the_load_order()
    {
        var a = SupportAgreement.Create(Guid.CreateVersion7(), ClusterType.SpearheadCluster, FirstAid, new DateOnly(2019, 12, 31), "HF-1", FirstAid, Rules).Value!;
        Assert.True(a.Extend(new DateOnly(2022, 12, 31), Interim.Positive(a, new DateOnly(2019, 5, 15)), "HF-2", FirstAid, Rules).IsSuccess);
        Assert.True(a.Extend(new DateOnly(2025, 12, 31), Interim.Positive(a, new DateOnly(2022, 6, 1)), "HF-3", FirstAid, Rules).IsSuccess);
        Assert.True(a.ShortenTo(new DateOnly(2025, 6, 30), new DateOnly(2024, 1, 10), "Fusie").IsSuccess);
        Assert.True(a.ShortenTo(new DateOnly(2024, 12, 31), new DateOnly(2024, 3, 1), "Stopzetting").IsSuccess);

        Reverse<AgreementTerm>(a, "_terms");
        Reverse<AgreementAmendment>(a, "_amendments");

        Assert.Equal(FirstAid, a.Start);
        Assert.Equal(new DateOnly(2024, 12, 31), a.End);
        Assert.Equal(["HF-1", "HF-2", "HF-3"], a.Terms.Select(t => t.DecisionReference));
        Assert.Equal([new DateOnly(2025, 6, 30), new DateOnly(2024, 12, 31)], a.Amendments.Select(m => m.NewEnd));
    }

    [Fact]
    public void An_application_history_follows_the_time_of_its_steps_not_the_load_order()
    {
        var call = Calls.CallFixtures.PublishedCall();
        var app = Calls.CallFixtures.CompleteDraft(call);
        var at = Calls.CallFixtures.WhileOpen;
        Assert.True(app.Submit(call, Actors.Applicant, Guid.CreateVersion7(), at).IsSuccess);
        Assert.True(app.MarkEligible(Actors.Agency, Guid.CreateVersion7(), at.AddDays(1), "in orde").IsSuccess);
        Reverse<ApplicationTransition>(app, "_history");
        Assert.Equal([ApplicationStatus.Submitted, ApplicationStatus.Eligible], app.History.Select(h => h.To));
    }
}
