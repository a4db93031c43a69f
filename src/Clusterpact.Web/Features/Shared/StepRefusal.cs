using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Shared;

/// <summary>
/// A lifecycle step's refusal as a command's outcome: a step that is not the person's is forbidden (the table authorizes
/// steps, so this is a 403 like a folder rule), any other refusal is the form again with its reason next to the field.
/// </summary>
public static class StepRefusal
{
    public static CommandOutcome Of<TState>(DomainError error, string field) where TState : struct, Enum =>
        error.Code == Lifecycle<TState>.NotYourStep ? CommandOutcome.Forbidden : CommandOutcome.Invalid(field, error.Code);
}
