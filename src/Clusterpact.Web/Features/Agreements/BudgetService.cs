using Clusterpact.Domain.Agreements;
using Clusterpact.Domain.Common;
using Clusterpact.Domain.Funding;
using Clusterpact.Web.Data;
using Clusterpact.Web.Features.Clusters;
using Clusterpact.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Clusterpact.Web.Features.Agreements;

public sealed record PaymentRow(AidPayment Payment, string RequestedBy, string? DecidedBy);

public sealed record AgreementBudget(Guid ClusterId, string ClusterName, SupportAgreement Agreement, IReadOnlyList<AgreementYear> Years,
    IReadOnlyList<PaymentRow> Payments, decimal? PeriodIntensity, bool IsAgencyStaff, bool CanRecordCofinancing, Guid? CurrentUserId);

/// <summary>
/// The money of one support agreement: yearly budgets (agency), cofinancing paid in (agency and the cluster's
/// manager), the deposit rule's status, lapse decisions, and aid paid in tranches with four-eyes approval.
/// </summary>
public sealed class BudgetService(ClusterpactDbContext db, ClusterAccess access, CurrentUser user, AgreementService agreements, TimeProvider clock)
{
    public DateOnly Today => clock.TodayInBrussels();

    public async Task<AgreementBudget?> LoadAsync(Guid clusterId, Guid agreementId, CancellationToken ct)
    {
        var cluster = await access.VisibleClusters().AsNoTracking().Where(c => c.Id == clusterId).Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync(ct);
        if (cluster is null) return null;
        var agreement = await db.SupportAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agreementId && a.ClusterId == clusterId, ct);
        if (agreement is null) return null;
        var years = await db.AgreementYears.AsNoTracking().Where(y => y.AgreementId == agreementId).OrderBy(y => y.YearStart).ToListAsync(ct);
        var payments = await db.AidPayments.AsNoTracking().Where(p => p.AgreementId == agreementId).OrderBy(p => p.RequestedOn).ThenBy(p => p.Id).ToListAsync(ct);
        var people = payments.SelectMany(p => new[] { p.RequestedBy }.Concat(p.DecidedBy is { } d ? [d] : Array.Empty<Guid>())).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new AgreementBudget(cluster.Id, cluster.Name, agreement, years,
            payments.Select(p => new PaymentRow(p, names.GetValueOrDefault(p.RequestedBy, "?"), p.DecidedBy is { } d ? names.GetValueOrDefault(d, "?") : null)).ToList(),
            AidIntensity.OverPeriod(years.Select(y => y.Budget)), user.IsAgencyStaff, await access.CanEditAsync(clusterId, ct), user.Id);
    }

    public async Task<CommandOutcome> PlanYearAsync(Guid clusterId, Guid agreementId, DateOnly start, decimal aid, decimal cofinancing,
        decimal animation, decimal marketing, decimal facilities, decimal training, CancellationToken ct)
    {
        if (await FindAgreementAsync(clusterId, agreementId, ct) is not { } agreement) return CommandOutcome.NotFound;
        if (!user.IsAgencyStaff) return CommandOutcome.Forbidden;
        var others = await db.AgreementYears.AsNoTracking().Where(y => y.AgreementId == agreementId).ToListAsync(ct);
        var planned = AgreementYear.Plan(agreement, others, start, aid, cofinancing, animation, marketing, facilities, training, await agreements.RulesAsync(ct));
        if (!planned.IsSuccess) return Invalid(planned.Error!);
        db.AgreementYears.Add(planned.Value!);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Ok(0);
    }

    public Task<CommandOutcome> RecordCofinancingAsync(Guid clusterId, Guid agreementId, Guid yearId, DateOnly paidOn, decimal amount, string? reference, CancellationToken ct) =>
        ChangeYearAsync(clusterId, agreementId, yearId, allowManager: true, y => y.RecordCofinancing(paidOn, amount, reference), ct);

    public Task<CommandOutcome> DecideLapseAsync(Guid clusterId, Guid agreementId, Guid yearId, string note, CancellationToken ct) =>
        ChangeYearAsync(clusterId, agreementId, yearId, allowManager: false, y => y.DecideLapse(Today, note), ct);

    public async Task<CommandOutcome> RequestPaymentAsync(Guid clusterId, Guid agreementId, Guid yearId, decimal amount, CancellationToken ct)
    {
        if (await FindAgreementAsync(clusterId, agreementId, ct) is null) return CommandOutcome.NotFound;
        if (!user.IsAgencyStaff || user.Id is not { } me) return CommandOutcome.Forbidden;
        var year = await db.AgreementYears.AsNoTracking().SingleOrDefaultAsync(y => y.Id == yearId && y.AgreementId == agreementId, ct);
        if (year is null) return CommandOutcome.NotFound;
        var committed = await db.AidPayments.Where(p => p.AgreementId == agreementId && p.YearIndex == year.YearIndex && p.Status != PaymentStatus.Rejected)
            .Select(p => p.AmountEur).ToListAsync(ct);
        var requested = AidPayment.Request(agreementId, year.YearIndex, amount, year.GrantedAid, committed.Sum(), me, Today);
        if (!requested.IsSuccess) return Invalid(requested.Error!);
        db.AidPayments.Add(requested.Value!);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Ok(0);
    }

    /// <summary>Approve, reject or mark paid. The person who requested a payment can neither approve nor reject it (four-eyes).</summary>
    public async Task<CommandOutcome> DecidePaymentAsync(Guid clusterId, Guid agreementId, Guid paymentId, long version, PaymentStatus to, CancellationToken ct)
    {
        if (await FindAgreementAsync(clusterId, agreementId, ct) is null) return CommandOutcome.NotFound;
        if (!user.IsAgencyStaff || user.Id is not { } me) return CommandOutcome.Forbidden;
        var payment = await db.AidPayments.SingleOrDefaultAsync(p => p.Id == paymentId && p.AgreementId == agreementId, ct);
        if (payment is null) return CommandOutcome.NotFound;
        if (payment.Version != version) return CommandOutcome.Conflict;
        db.Entry(payment).Property(p => p.Version).OriginalValue = version;
        var result = to switch
        {
            PaymentStatus.Approved => payment.Approve(me),
            PaymentStatus.Rejected => payment.Reject(me),
            PaymentStatus.Paid => payment.MarkPaid(Today),
            _ => Result.Fail(new DomainError("Payment.CannotRequestedFromRequested")),
        };
        if (!result.IsSuccess) return Invalid(result.Error!);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return CommandOutcome.Conflict; }
        return CommandOutcome.Ok(payment.Version);
    }

    private async Task<CommandOutcome> ChangeYearAsync(Guid clusterId, Guid agreementId, Guid yearId, bool allowManager, Func<AgreementYear, Result> change, CancellationToken ct)
    {
        if (await FindAgreementAsync(clusterId, agreementId, ct) is null) return CommandOutcome.NotFound;
        var allowed = user.IsAgencyStaff || (allowManager && await access.CanEditAsync(clusterId, ct));
        if (!allowed) return CommandOutcome.Forbidden;
        var year = await db.AgreementYears.SingleOrDefaultAsync(y => y.Id == yearId && y.AgreementId == agreementId, ct);
        if (year is null) return CommandOutcome.NotFound;
        var result = change(year);
        if (!result.IsSuccess) return Invalid(result.Error!);
        db.Entry(year).State = EntityState.Modified; // an added payment row alone would not raise the year's version
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return CommandOutcome.Conflict; }
        return CommandOutcome.Ok(year.Version);
    }

    private Task<SupportAgreement?> FindAgreementAsync(Guid clusterId, Guid agreementId, CancellationToken ct) =>
        db.SupportAgreements.AsNoTracking()
            .Where(a => a.Id == agreementId && a.ClusterId == clusterId && access.VisibleClusters().Any(c => c.Id == clusterId))
            .SingleOrDefaultAsync(ct);

    private static CommandOutcome Invalid(DomainError e) => CommandOutcome.Invalid("", e.Code);
}
