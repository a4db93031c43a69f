using Clusterpact.Web.Infrastructure.Audit;
using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Agreements;

/// <summary>A payment with who requested it, and who approved or rejected it on which day (the day from the audit trail).</summary>
public sealed record PaymentRow(AidPayment Payment, string RequestedBy, string? DecidedBy, DateOnly? DecidedOn = null);

public sealed record AgreementBudget(Guid ClusterId, string ClusterName, SupportAgreement Agreement, IReadOnlyList<AgreementYear> Years,
    IReadOnlyList<PaymentRow> Payments, decimal? PeriodIntensity, bool CanRecordCofinancing, IReadOnlySet<Actor> Actors)
{
    /// <summary>Agency staff act on this agreement's money: they plan years, decide lapses and request aid (the record handler's answer).</summary>
    public bool AgencyActs => Actors.Contains(Actor.Agency);
}

/// <summary>
/// The money of one support agreement: yearly budgets (agency), cofinancing paid in (agency and the cluster's
/// manager), the deposit rule's status, lapse decisions, and aid paid in tranches with four-eyes approval.
/// </summary>
public sealed class BudgetService(ClusterpactDbContext db, ClusterAccess access, CurrentUser user, Permissions permissions, RecordActors actors, AgreementRules agreements, TimeProvider clock)
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
        var decided = await db.DecisionsAsync(nameof(AidPayment), payments.Where(p => p.DecidedBy is not null).Select(p => p.Id).ToList(), nameof(AidPayment.Status),
            [nameof(PaymentStatus.Approved), nameof(PaymentStatus.Rejected)], ct);
        return new AgreementBudget(cluster.Id, cluster.Name, agreement, years,
            payments.Select(p => new PaymentRow(p, names.GetValueOrDefault(p.RequestedBy, "?"), p.DecidedBy is { } d ? names.GetValueOrDefault(d, "?") : null,
                decided.TryGetValue(p.Id, out var decision) ? decision.On : null)).ToList(),
            AidIntensity.OverPeriod(years.Select(y => y.Budget)), await access.CanEditAsync(clusterId, ct), await actors.OnClusterAsync(clusterId, ct));
    }

    public async Task<CommandOutcome> PlanYearAsync(Guid clusterId, Guid agreementId, DateOnly start, decimal aid, decimal cofinancing,
        decimal animation, decimal marketing, decimal facilities, decimal training, CancellationToken ct)
    {
        if (await FindAgreementAsync(clusterId, agreementId, ct) is not { } agreement) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
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

    /// <summary>
    /// Requests a tranche of a working year's aid. The year holds the cap: it is saved with the new payment (its version
    /// rises), so when two requests read the same payments at the same moment the second fails on the year's stale
    /// version and is refused, instead of both passing the cap.
    /// </summary>
    public async Task<CommandOutcome> RequestPaymentAsync(Guid clusterId, Guid agreementId, Guid yearId, decimal amount, CancellationToken ct)
    {
        if (await FindAgreementAsync(clusterId, agreementId, ct) is null) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff) || user.Id is not { } me) return CommandOutcome.Forbidden;
        // The year first, then its payments: a payment saved in between raised the year's version, so this request fails.
        var year = await db.AgreementYears.SingleOrDefaultAsync(y => y.Id == yearId && y.AgreementId == agreementId, ct);
        if (year is null) return CommandOutcome.NotFound;
        var payments = await db.AidPayments.AsNoTracking().Where(p => p.AgreementId == agreementId && p.YearIndex == year.YearIndex).ToListAsync(ct);
        var requested = year.RequestPayment(amount, payments, me, Today);
        if (!requested.IsSuccess) return Invalid(requested.Error!);
        db.AidPayments.Add(requested.Value!);
        return await db.SaveGuardedAsync(year, "Payment.ConcurrentRequest", ct);
    }

    /// <summary>A step of a payment's lifecycle (approve, reject, mark paid), as its table and the four-eyes rule allow.</summary>
    public async Task<CommandOutcome> StepPaymentAsync(Guid clusterId, Guid agreementId, Guid paymentId, long version, string step, CancellationToken ct)
    {
        if (await FindAgreementAsync(clusterId, agreementId, ct) is null) return CommandOutcome.NotFound;
        var payment = await db.AidPayments.SingleOrDefaultAsync(p => p.Id == paymentId && p.AgreementId == agreementId, ct);
        if (payment is null) return CommandOutcome.NotFound;
        if (payment.Version != version) return CommandOutcome.Conflict;
        var result = payment.Take(step, await actors.OnClusterAsync(clusterId, ct), user.Id ?? Guid.Empty, Today);
        if (!result.IsSuccess) return StepRefusal.Of<PaymentStatus>(result.Error!, "");
        return await db.SaveVersionedAsync(payment, version, ct);
    }

    private async Task<CommandOutcome> ChangeYearAsync(Guid clusterId, Guid agreementId, Guid yearId, bool allowManager, Func<AgreementYear, Result> change, CancellationToken ct)
    {
        if (await FindAgreementAsync(clusterId, agreementId, ct) is null) return CommandOutcome.NotFound;
        var allowed = await permissions.HasAsync(Policies.AgencyStaff) || (allowManager && await access.CanEditAsync(clusterId, ct));
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

    /// <summary>A refusal next to the field of the form it is about (the budget page's forms name their fields plainly).</summary>
    private static CommandOutcome Invalid(DomainError e) => CommandOutcome.Invalid(e.Field ?? e.Code switch
    {
        "Budget.YearOutsideAgreement" or "Budget.YearExists" => "yearStart",
        "Cofinancing.BeforeYear" => "paidOn",
        "Cofinancing.AmountNotPositive" or "Payment.AmountNotPositive" or "Payment.AboveGranted" => "amount",
        "Cofinancing.LapseNeedsNote" => "note",
        _ => "",
    }, e.Code);
}
