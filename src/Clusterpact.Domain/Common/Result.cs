namespace Clusterpact.Domain.Common;

/// <summary>
/// A business-rule failure: a stable message key for the UI and API, the rule it cites, and (for a value out of its
/// range, see <see cref="DomainRange"/>) the name of the value it is about, so a page can show it next to that field.
/// </summary>
public sealed record DomainError(string Code, string? Rule = null, string? Field = null);

/// <summary>The outcome of a rule check: success, or a business-rule failure (exceptions are for bugs).</summary>
public readonly record struct Result(bool IsSuccess, DomainError? Error)
{
    public static Result Success => new(true, null);
    public static Result Fail(DomainError error) => new(false, error);
}

/// <summary>The outcome of a rule that produces a value.</summary>
public readonly record struct Result<T>(bool IsSuccess, T? Value, DomainError? Error)
{
    public static Result<T> Ok(T value) => new(true, value, null);
    public static Result<T> Fail(DomainError error) => new(false, default, error);
}
