using Clusterpact.Web.Data;
using Clusterpact.Web.Features.Shared;
using Clusterpact.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Clusterpact.Web.Features.Admin.Audit;

public sealed record AuditQuery(string? EntityType, string? EntityId, string? User, string? Field, DateOnly? From, DateOnly? To, int Page = 1, int PageSize = 50);

public sealed record AuditRow(DateTimeOffset At, string UserName, string EntityType, string EntityId, AuditAction Action, string Field, string? OldValue, string? NewValue);

/// <summary>The audit trail, newest first, filtered by record, person, field and period (dates in Brussels time).</summary>
public sealed class ListAuditEntries(ClusterpactDbContext db)
{
    public async Task<Paged<AuditRow>> HandleAsync(AuditQuery q, CancellationToken ct)
    {
        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.EntityType)) rows = rows.Where(a => a.EntityType == q.EntityType);
        if (!string.IsNullOrWhiteSpace(q.EntityId)) rows = rows.Where(a => a.EntityId == q.EntityId.Trim());
        if (!string.IsNullOrWhiteSpace(q.Field)) rows = rows.Where(a => a.Field == q.Field.Trim());
        if (!string.IsNullOrWhiteSpace(q.User))
        {
            var term = q.User.Trim().ToLower();
            rows = rows.Where(a => a.UserName.ToLower().Contains(term));
        }
        if (q.From is { } from) rows = rows.Where(a => a.At >= Infrastructure.Formatting.Format.StartOfDay(from));
        if (q.To is { } to) rows = rows.Where(a => a.At < Infrastructure.Formatting.Format.StartOfDay(to.AddDays(1)));
        var page = Paging.ClampPage(q.Page);
        var size = Math.Clamp(q.PageSize, 1, Paging.MaxPageSize);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(a => a.At).ThenBy(a => a.EntityType).ThenBy(a => a.Field)
            .Skip((page - 1) * size).Take(size)
            .Select(a => new AuditRow(a.At, a.UserName, a.EntityType, a.EntityId, a.Action, a.Field, a.OldValue, a.NewValue))
            .ToListAsync(ct);
        return new Paged<AuditRow>(items, page, size, total);
    }

    public Task<List<string>> EntityTypesAsync(CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
}

public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api) =>
        api.MapGroup("/audit").WithTags("Administration").RequireAuthorization(Policies.Administration)
            .MapGet("/", async (string? entityType, string? entityId, string? user, string? field, DateOnly? from, DateOnly? to, int? page, int? pageSize, ListAuditEntries list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(new AuditQuery(entityType, entityId, user, field, from, to, Paging.ClampPage(page), Paging.ClampSize(pageSize ?? 50)), ct)))
            .WithName("ListAuditEntries").WithSummary("The audit trail, newest first (administrators only).");
}
