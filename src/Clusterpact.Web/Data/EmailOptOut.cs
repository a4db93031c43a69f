namespace Clusterpact.Web.Data;

/// <summary>
/// A kind of e-mail (its outbox category, e.g. "Report.Return") that a person chose not to receive. Only kinds that can be
/// turned off are stored (<see cref="Infrastructure.Email.EmailKinds"/>); the outbox skips a mail to that person's address.
/// </summary>
public sealed class EmailOptOut
{
    public Guid UserId { get; set; }
    public string Category { get; set; } = "";
}
