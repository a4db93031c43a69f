namespace Clusterpact.Web.Features.Shared;

public enum CommandStatus { Ok, NotFound, Forbidden, Conflict, Invalid }

/// <summary>A command's outcome: Invalid carries the field and the message key of the broken rule.</summary>
public sealed record CommandOutcome(CommandStatus Status, string? Field = null, string? ErrorCode = null, long? NewVersion = null, Guid? CreatedId = null)
{
    public static CommandOutcome Ok(long version) => new(CommandStatus.Ok, NewVersion: version);

    /// <summary>A new record was stored: its id, so the API can answer where it is.</summary>
    public static CommandOutcome Created(Guid id, long version) => new(CommandStatus.Ok, NewVersion: version, CreatedId: id);
    public static readonly CommandOutcome NotFound = new(CommandStatus.NotFound);
    public static readonly CommandOutcome Forbidden = new(CommandStatus.Forbidden);
    public static readonly CommandOutcome Conflict = new(CommandStatus.Conflict, ErrorCode: "Concurrency.Conflict");
    public static CommandOutcome Invalid(string field, string code) => new(CommandStatus.Invalid, field, code);

    /// <summary>
    /// A business-rule refusal next to the field it names (a value out of its <see cref="DomainRange"/> names its own,
    /// in the form's spelling: "amount" becomes "Amount"), otherwise next to <paramref name="field"/>.
    /// </summary>
    public static CommandOutcome Invalid(DomainError error, string field) =>
        new(CommandStatus.Invalid, error.Field is { Length: > 0 } f ? char.ToUpperInvariant(f[0]) + f[1..] : field, error.Code);
}
