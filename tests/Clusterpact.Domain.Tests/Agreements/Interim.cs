namespace Clusterpact.Domain.Tests.Agreements;

/// <summary>The facts of interim evaluations that extension tests rest on.</summary>
internal static class Interim
{
    /// <summary>A decided interim evaluation of the agreement's cluster that advised extending.</summary>
    public static ExtensionEvaluation Positive(SupportAgreement a, DateOnly decidedOn) =>
        new(Guid.NewGuid(), a.ClusterId, EvaluationKind.Interim, decidedOn, EvaluationOutcome.Extend);
}
