using System.Linq.Expressions;
using System.Text.Json.Serialization;

namespace Clusterpact.Web.Features.Shared;

/// <summary>
/// One page of a list, with the total so the UI can say "21-40 of 312": counted up to <see cref="Paging.CountLimit"/>, so a
/// total above it is <see cref="Paging.CountLimit"/> + 1 and says "more than 10,000" (<see cref="TotalIsExact"/> false).
/// </summary>
/// <param name="Cursors">The first and last row's ids when the page was read by keyset, so "previous" and "next" can continue from them.</param>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, [property: JsonIgnore] PageCursors? Cursors = null)
{
    public int TotalPages => TotalIsExact ? Paging.PageCount(TotalCount, PageSize) : Math.Max(Page + 1, Paging.PageCount(TotalCount, PageSize));
    public int FirstItem => TotalCount == 0 ? 0 : TotalIsExact ? Math.Min((Page - 1) * PageSize + 1, TotalCount) : (Page - 1) * PageSize + 1;
    public int LastItem => TotalIsExact ? Math.Min(Page * PageSize, TotalCount) : (Page - 1) * PageSize + Items.Count;

    /// <summary>Whether <see cref="TotalCount"/> is the list's total, or only says there are more rows than <see cref="Paging.CountLimit"/>.</summary>
    public bool TotalIsExact => Paging.IsExact(TotalCount);
}

/// <summary>The ids of a keyset page's first and last rows: "previous" reads the rows before the first, "next" those after the last.</summary>
public sealed record PageCursors(Guid First, Guid Last);

/// <summary>
/// Which page of a list to read: a page number (offset, for jumping), or the row to continue after or before
/// (keyset, for next and previous on a large list; the number still says where we are).
/// </summary>
public sealed record PageRequest(int Page = 1, int Size = Paging.DefaultPageSize, Guid? After = null, Guid? Before = null)
{
    /// <summary>At most the page whose first row's offset still fits an int at the largest size: a larger number typed into a link
    /// (<c>?p=785681173</c>) made the offset overflow to a negative number, which PostgreSQL refuses (a 500); it is past the end anyway.</summary>
    public int Page { get; } = Math.Clamp(Page, 1, Paging.MaxPage);
    public int Size { get; } = Math.Clamp(Size, 1, Paging.MaxPageSize);
}

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>The highest page number a request keeps (<see cref="PageRequest.Page"/>).</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    /// <summary>
    /// How far a list's total is counted (issue 18): beyond this the pager says "more than 10,000" instead of counting every
    /// row on every request (an exact total of the EU-size register counted 500,000 organisations, 135 ms, for its first page).
    /// No person pages through ten thousand rows; they search or filter, and a search that finds fewer is counted exactly.
    /// </summary>
    public const int CountLimit = 10_000;

    /// <summary>Whether a total counted by <see cref="CountAsync{T}"/> is exact (at most <see cref="CountLimit"/>), or says "more".</summary>
    public static bool IsExact(int totalCount) => totalCount <= CountLimit;

    /// <summary>
    /// The rows of a list counted up to <see cref="CountLimit"/> and one more, which says "more than that". Counted without the
    /// list's order: inside the count's LIMIT an order would make the database sort the rows before it counts them.
    /// </summary>
    private static Task<int> CountAsync<T>(IQueryable<T> rows, CancellationToken ct) =>
        rows.Provider.CreateQuery<T>(new OrderRemover().Visit(rows.Expression)).Take(CountLimit + 1).CountAsync(ct);

    public static int PageCount(int totalCount, int pageSize) => Math.Max(1, (int)Math.Ceiling(totalCount / (double)pageSize));

    /// <summary>A page past the end is the last page, so a stale link still shows rows; past a total that was not counted to the end, the page asked for.</summary>
    internal static int Within(int page, int totalCount, int size) => IsExact(totalCount) ? Math.Min(page, PageCount(totalCount, size)) : page;

    /// <summary>The requested page of an ordered query, by offset, with the total.</summary>
    public static async Task<Paged<T>> ToPageAsync<T>(this IQueryable<T> ordered, PageRequest request, CancellationToken ct)
    {
        var (items, page, total) = await OffsetPageAsync(ordered, ordered, request, ct);
        return new Paged<T>(items, page, request.Size, total);
    }

    /// <summary>
    /// A page by its number, the rows read first: a page with fewer rows than fit says the total itself (the rows before
    /// it and its own), so a short list (most searches and filters) costs one query instead of a count and a read.
    /// Only a full page, or an empty page past the first, asks for the count; a page past the end is then the last page.
    /// </summary>
    private static async Task<(List<T> Items, int Page, int Total)> OffsetPageAsync<TRow, T>(IQueryable<TRow> filtered, IQueryable<T> ordered, PageRequest request,
        CancellationToken ct)
    {
        var size = request.Size;
        var items = await ordered.Skip((request.Page - 1) * size).Take(size).ToListAsync(ct);
        if (KnownTotal(request.Page, size, items.Count) is { } known) return (items, request.Page, known);
        var total = await CountAsync(filtered, ct);
        var page = Within(request.Page, total, size);
        if (page != request.Page) items = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return (items, page, total);
    }

    /// <summary>The total a page's own row count proves: a partly filled page is the last one; an empty first page, an empty list.</summary>
    internal static int? KnownTotal(int page, int size, int rows) =>
        rows < size && (rows > 0 || page == 1) ? (page - 1) * size + rows : null;

    /// <summary>The requested page of rows already in memory (short lists that are sorted after loading).</summary>
    public static Paged<T> ToPage<T>(this IEnumerable<T> ordered, PageRequest request)
    {
        var all = ordered as IReadOnlyList<T> ?? ordered.ToList();
        var page = Within(request.Page, all.Count, request.Size);
        return new Paged<T>(all.Skip((page - 1) * request.Size).Take(request.Size).ToList(), page, request.Size, all.Count);
    }

    /// <summary>
    /// The requested page ordered by <paramref name="key"/> then by id (the stable tie-breaker): after or before a known
    /// row by keyset when the request names one, by offset otherwise. The key expression must be the one the index
    /// orders by (see <see cref="TextOrder"/> for text), so the comparison and the order agree on both databases.
    /// </summary>
    public static async Task<Paged<T>> ToKeysetPageAsync<TRow, TKey, T>(this IQueryable<TRow> filtered, Expression<Func<TRow, TKey>> key,
        Expression<Func<TRow, Guid>> id, bool descending, Expression<Func<TRow, T>> select, Func<T, Guid> idOf, PageRequest request, CancellationToken ct)
    {
        var size = request.Size;
        var boundary = request.After ?? request.Before;
        if (boundary is null)
        {
            var (rows, at, count) = await OffsetPageAsync(filtered, Order(filtered, key, id, descending).Select(select), request, ct);
            return new Paged<T>(rows, at, size, count, Cursors(rows, idOf));
        }
        // From a known row the page's number comes with the request, so the total is counted to say "21-40 of 312".
        var total = await CountAsync(filtered, ct);
        var page = Within(request.Page, total, size);
        var forward = request.Before is null;
        List<T>? items = null;
        if (page == request.Page)
        {
            var b = boundary.Value;
            var boundaryKey = await filtered.Where(Equal(id, b)).Select(key).ToListAsync(ct);
            if (boundaryKey.Count == 1)
            {
                // Reading backwards is reading forwards in the other direction, then turning the rows round.
                var ascending = forward != descending;
                var rows = filtered.Where(Beyond(key, id, boundaryKey[0], b, ascending));
                items = await Order(rows, key, id, !ascending).Take(size).Select(select).ToListAsync(ct);
                if (!forward) items.Reverse();
            }
        }
        // A boundary that no longer matches the filter, or a page number out of range: by offset.
        items ??= await Order(filtered, key, id, descending).Skip((page - 1) * size).Take(size).Select(select).ToListAsync(ct);
        return new Paged<T>(items, page, size, total, Cursors(items, idOf));
    }

    private static PageCursors? Cursors<T>(List<T> items, Func<T, Guid> idOf) => items.Count == 0 ? null : new PageCursors(idOf(items[0]), idOf(items[^1]));

    internal static IOrderedQueryable<TRow> Order<TRow, TKey>(IQueryable<TRow> rows, Expression<Func<TRow, TKey>> key, Expression<Func<TRow, Guid>> id, bool descending) =>
        descending ? rows.OrderByDescending(key).ThenByDescending(id) : rows.OrderBy(key).ThenBy(id);

    private static Expression<Func<TRow, bool>> Equal<TRow>(Expression<Func<TRow, Guid>> id, Guid value) =>
        Expression.Lambda<Func<TRow, bool>>(Expression.Equal(id.Body, Constant(value)), id.Parameters);

    /// <summary>The rows whose id is one of <paramref name="ids"/>, the list sent as one parameter (one cached plan for every page).</summary>
    internal static Expression<Func<TRow, bool>> In<TRow>(Expression<Func<TRow, Guid>> id, IReadOnlyList<Guid> ids) =>
        Expression.Lambda<Func<TRow, bool>>(Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], Constant(ids.ToArray()), id.Body), id.Parameters);

    /// <summary>(key, id) strictly after (ascending) or before (descending) the boundary: key beyond, or the same key and the id beyond
    /// (also the API lists' keyset, <see cref="Infrastructure.Requests.ApiSort{TRow}"/>).
    /// The leading "key at or beyond" says the same once more, so that PostgreSQL and SQLite can start the index scan at the
    /// boundary (an Index Cond) instead of reading the index from its start and filtering.</summary>
    internal static Expression<Func<TRow, bool>> Beyond<TRow, TKey>(Expression<Func<TRow, TKey>> key, Expression<Func<TRow, Guid>> id, TKey keyValue, Guid idValue, bool after)
    {
        var row = key.Parameters[0];
        var idBody = new ParameterSwap(id.Parameters[0], row).Visit(id.Body);
        Expression Compare(Expression column, Expression value) =>
            after ? Expression.GreaterThan(CompareTo(column, value), Expression.Constant(0)) : Expression.LessThan(CompareTo(column, value), Expression.Constant(0));
        var keyConstant = Constant(keyValue);
        var atOrBeyond = after ? Expression.GreaterThanOrEqual(CompareTo(key.Body, keyConstant), Expression.Constant(0))
            : Expression.LessThanOrEqual(CompareTo(key.Body, keyConstant), Expression.Constant(0));
        var body = Expression.AndAlso(atOrBeyond, Expression.OrElse(Compare(key.Body, keyConstant),
            Expression.AndAlso(Expression.Equal(key.Body, keyConstant), Compare(idBody, Constant(idValue)))));
        return Expression.Lambda<Func<TRow, bool>>(body, row);
    }

    // x.CompareTo(y) > 0 is what EF translates to x > y for text, dates and ids alike (C# has no > on string or Guid).
    private static MethodCallExpression CompareTo(Expression column, Expression value) =>
        Expression.Call(column, column.Type.GetMethod(nameof(IComparable<int>.CompareTo), [column.Type])!, value);

    /// <summary>A captured value, so EF sends it as a parameter (one cached plan) rather than as a literal.</summary>
    private static Expression Constant<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Box<TValue>(value)), nameof(Box<TValue>.Value));

    private sealed record Box<TValue>(TValue Value);

    /// <summary>
    /// A query without the order of its rows (OrderBy and ThenBy along the query's own chain, through Where and Select), for
    /// counting them. An order below a Take, Skip or any other operator stays: there it chooses which rows there are.
    /// </summary>
    private sealed class OrderRemover : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(Queryable)) return node;
            return node.Method.Name switch
            {
                nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending) or nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending) => Visit(node.Arguments[0]),
                nameof(Queryable.Where) or nameof(Queryable.Select) => node.Update(node.Object, [Visit(node.Arguments[0]), .. node.Arguments.Skip(1)]),
                _ => node,
            };
        }
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
