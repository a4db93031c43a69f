namespace Clusterpact.Web.Features.Confirm;

/// <summary>
/// What a delete or remove button on a page sends to the confirmation page (<see cref="IndexModel"/>): the handler URL
/// that "Yes" posts to, the question's resource key and its subject, the page "Cancel" returns to and the form's fields.
/// </summary>
public sealed record ConfirmButton(string Action, string QuestionKey, string Subject, string Back, string Label,
    IReadOnlyList<(string Name, string Value)> Fields, string ButtonClass = "btn btn-link btn-sm p-0 text-danger", string FormClass = "d-inline", string? AriaLabel = null);
