using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
namespace Clusterpact.Web.Features.Admin.Audit;

/// <param name="Field">A field as stored; or, with <paramref name="FieldNames"/>, what a person typed, matched to those names by their words.</param>
public sealed record AuditQuery(string? EntityType, string? EntityId, string? User, string? Field, DateOnly? From, DateOnly? To, IReadOnlyCollection<string>? FieldNames = null)
{
    public const int PageSize = 50;
}

public sealed record AuditRow(Guid Id, DateTimeOffset At, string UserName, string EntityType, string EntityId, AuditAction Action, string Field, string? OldValue, string? NewValue);

/// <summary>
/// The audit trail, newest first, filtered by record, person, field and period (dates in Brussels time). It grows with
/// every save, so next and previous read by keyset on (time, id): the index on the time serves every page alike.
/// </summary>
public sealed class ListAuditEntries(ClusterpactDbContext db) : IUseCase
{
    /// <summary>The API's orders: the newest first unless asked otherwise.</summary>
    public static readonly ApiSort<AuditEntry> Sort = new ApiSort<AuditEntry>().By("at", a => a.At).By("userName", a => a.UserName).DefaultTo("at", descending: true);

    public async Task<Paged<AuditRow>> HandleAsync(AuditQuery q, PageRequest page, CancellationToken ct) =>
        await Filter(q).ToKeysetPageAsync(a => a.At, a => a.Id, true,
            a => new AuditRow(a.Id, a.At, a.UserName, a.EntityType, a.EntityId, a.Action, a.Field, a.OldValue, a.NewValue), r => r.Id, page, ct);

    /// <summary>One cursor window of the trail for the API, filtered as the page is.</summary>
    public Task<ApiList<AuditRow>> HandleAsync(AuditQuery q, ListWindow window, CancellationToken ct) =>
        Filter(q).ToApiListAsync(Sort, window, db, (rows, _) => Task.FromResult<IReadOnlyList<AuditRow>>(
            rows.Select(a => new AuditRow(a.Id, a.At, a.UserName, a.EntityType, a.EntityId, a.Action, a.Field, a.OldValue, a.NewValue)).ToList()), ct);

    private IQueryable<AuditEntry> Filter(AuditQuery q)
    {
        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.EntityType)) rows = rows.Where(a => a.EntityType == q.EntityType);
        if (!string.IsNullOrWhiteSpace(q.EntityId)) rows = rows.Where(a => a.EntityId == q.EntityId.Trim());
        if (q.FieldNames is { } names) rows = rows.Where(a => names.Contains(a.Field));
        else if (!string.IsNullOrWhiteSpace(q.Field)) rows = rows.Where(a => a.Field == q.Field.Trim());
        if (!string.IsNullOrWhiteSpace(q.User))
        {
            var term = q.User.Trim().ToLower();
            rows = rows.Where(a => a.UserName.ToLower().Contains(term));
        }
        // Nothing is recorded outside 2000-2100 (DomainRange): a bound beyond it limits nothing, and its day has no instant to compare with.
        if (q.From is { } from && from > DomainRange.FirstDate) rows = rows.Where(a => a.At >= Infrastructure.Formatting.Format.StartOfDay(from));
        if (q.To is { } to && to < DomainRange.LastDate) rows = rows.Where(a => a.At < Infrastructure.Formatting.Format.StartOfDay(to.AddDays(1)));
        return rows;
    }

    public Task<List<string>> EntityTypesAsync(CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
}

public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api) =>
        api.MapGroup("/audit").WithTags("Administration").RequireAuthorization(Policies.Administration)
            .MapGet("/", async (string? entityType, string? entityId, string? user, string? field, DateOnly? from, DateOnly? to, [AsParameters] ListWindow window, ListAuditEntries list,
                HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(http.Linked(await list.HandleAsync(new AuditQuery(entityType, entityId, user, field, from, to), window, ct))))
            .WithName("ListAuditEntries")
            .WithSort(ListAuditEntries.Sort)
            .WithExample(ApiExamples.List(new AuditRow(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3ad001"), new DateTimeOffset(2026, 12, 4, 9, 30, 0, TimeSpan.Zero), "officer@vlaio.example", "Membership", "0193f0a2-1c2d-7e11-9a10-4c1f2b3a6001", AuditAction.Updated, "YearlyFee", "2000", "2500"))).WithSummary("The audit trail, newest first unless sorted otherwise (administrators only); cursor-paged.");
}
