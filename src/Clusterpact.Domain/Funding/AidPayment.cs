using Clusterpact.Domain.Common;

namespace Clusterpact.Domain.Funding;

public enum PaymentStatus { Requested, Approved, Paid, Rejected }

/// <summary>
/// A tranche of operating aid paid to a cluster organisation. One person requests it, another approves it
/// (four-eyes); it is paid only once approved, never more than the year's granted aid not yet paid.
/// </summary>
public sealed class AidPayment : IAuditable
{
    /// <summary>The allowed transitions: anything else is refused with a reason, never ignored.</summary>
    private static readonly Dictionary<(PaymentStatus From, PaymentStatus To), string> Transitions = new()
    {
        [(PaymentStatus.Requested, PaymentStatus.Approved)] = "approve",
        [(PaymentStatus.Requested, PaymentStatus.Rejected)] = "reject",
        [(PaymentStatus.Approved, PaymentStatus.Paid)] = "pay",
    };

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

    public static Result<AidPayment> Request(Guid agreementId, int yearIndex, decimal amount, decimal grantedForYear, decimal alreadyRequestedOrPaid, Guid requestedBy, DateOnly on)
    {
        if (amount <= 0) return Result<AidPayment>.Fail(new DomainError("Payment.AmountNotPositive"));
        if (alreadyRequestedOrPaid + amount > grantedForYear) return Result<AidPayment>.Fail(new DomainError("Payment.AboveGranted"));
        return Result<AidPayment>.Ok(new AidPayment
        {
            Id = Guid.CreateVersion7(), AgreementId = agreementId, YearIndex = yearIndex, AmountEur = amount,
            Status = PaymentStatus.Requested, RequestedBy = requestedBy, RequestedOn = on,
        });
    }

    public Result Approve(Guid approver) => approver == RequestedBy
        ? Result.Fail(new DomainError("Payment.FourEyes"))
        : Move(PaymentStatus.Approved, () => DecidedBy = approver);

    public Result Reject(Guid approver) => approver == RequestedBy
        ? Result.Fail(new DomainError("Payment.FourEyes"))
        : Move(PaymentStatus.Rejected, () => DecidedBy = approver);

    public Result MarkPaid(DateOnly on) => Move(PaymentStatus.Paid, () => PaidOn = on);

    private Result Move(PaymentStatus to, Action apply)
    {
        if (!Transitions.ContainsKey((Status, to))) return Result.Fail(new DomainError($"Payment.Cannot{to}From{Status}"));
        apply();
        Status = to;
        return Result.Success;
    }
}
