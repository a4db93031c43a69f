namespace Clusterpact.Domain.Common;

/// <summary>A business-rule failure: a stable message key for the UI and API, and the rule it cites.</summary>
public sealed record DomainError(string Code, string? Rule = null);

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
