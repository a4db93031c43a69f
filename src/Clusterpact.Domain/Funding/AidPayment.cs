namespace Clusterpact.Domain.Funding;

public enum PaymentStatus { Requested, Approved, Paid, Rejected }

/// <summary>
/// A tranche of operating aid paid to a cluster organisation. One person requests it, another approves it
/// (four-eyes); it is paid only once approved. The cap (never more than the year's granted aid) is the working
/// year's rule: a payment is requested through <see cref="Agreements.AgreementYear.RequestPayment"/>.
/// </summary>
public sealed class AidPayment : IAuditable
{
    public const string Approve = nameof(Approve);
    public const string Reject = nameof(Reject);
    public const string MarkPaid = nameof(MarkPaid);

    /// <summary>The payment's lifecycle: agency staff approve or reject a request and mark an approved one paid.</summary>
    public static readonly Lifecycle<PaymentStatus> Lifecycle = new("Payment",
    [
        Step.Of(Approve, PaymentStatus.Requested, PaymentStatus.Approved, Actor.Agency),
        Step.Of(Reject, PaymentStatus.Requested, PaymentStatus.Rejected, Actor.Agency),
        Step.Of(MarkPaid, PaymentStatus.Approved, PaymentStatus.Paid, Actor.Agency),
    ]);

    private AidPayment() { }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public Guid AgreementId { get; private set; }
    public int YearIndex { get; private set; }
    public decimal AmountEur { get; private set; }
    public PaymentStatus Status { get; private set; }
    public Guid RequestedBy { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateOnly RequestedOn { get; private set; }
    public DateOnly? PaidOn { get; private set; }

    /// <summary>Whether the payment still counts against the year's granted aid: requested, approved or paid.</summary>
    public bool Counts => Status != PaymentStatus.Rejected;

    internal static AidPayment Requested(Guid agreementId, int yearIndex, decimal amount, Guid requestedBy, DateOnly on) => new()
    {
        Id = Guid.CreateVersion7(), AgreementId = agreementId, YearIndex = yearIndex, AmountEur = amount,
        Status = PaymentStatus.Requested, RequestedBy = requestedBy, RequestedOn = on,
    };

    /// <summary>
    /// Takes a step of the lifecycle as checked by its table; the person who requested a payment can neither approve nor
    /// reject it (four-eyes), a rule of the payment on top of the table.
    /// </summary>
    public Result Take(string step, IReadOnlySet<Actor> actors, Guid by, DateOnly on)
    {
        var check = Lifecycle.Check(Status, step, actors, null);
        if (!check.IsSuccess) return Result.Fail(check.Error!);
        if (step is Approve or Reject)
        {
            if (by == RequestedBy) return Result.Fail(new DomainError("Payment.FourEyes"));
            DecidedBy = by;
        }
        if (step == MarkPaid) PaidOn = on;
        Status = check.Value!.To;
        return Result.Success;
    }
}
