using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Query;

namespace Clusterpact.Web.Infrastructure.Requests;

/// <summary>What a list's <c>?sort=</c> offers, without its row type: for the OpenAPI document and the 400 that lists them.</summary>
public interface IApiSortDescription
{
    /// <summary>The field names a client may sort by, each the name of a field of the list's items as the API writes them.</summary>
    IReadOnlyList<string> Names { get; }

    string Default { get; }

    bool DefaultDescending { get; }

    /// <summary>The rows the list reads (an entity's table, or rows already in memory) and what each field orders them by:
    /// how ApiListSortTests holds every sort to an index.</summary>
    Type Rows { get; }

    LambdaExpression KeyOf(string name);
}

/// <summary>
/// The sort fields of one API list, declared once beside the list (decision 0015): each a name (the field of the items
/// it sorts by, as the client reads it) and the column expression it orders by in SQL, then the default. <c>id</c> is
/// the order rows were made in (version 7 ids). A page reads by keyset on (key, id) with the pages' own comparison
/// (<see cref="Paging.Beyond{TRow, TKey}"/>), text through <see cref="TextOrder"/>, so both databases use the index
/// and agree with each other. Declare it as a static field and give it to both the endpoint (<see cref="ApiSortEndpoints.WithSort"/>,
/// for the document) and the read (<c>ToApiListAsync(sort, ...)</c>).
/// </summary>
public sealed class ApiSort<TRow> : IApiSortDescription where TRow : class
{
    private readonly IReadOnlyList<ApiSortKey<TRow>> keys;

    private ApiSort(IReadOnlyList<ApiSortKey<TRow>> keys, string @default, bool descending) => (this.keys, Default, DefaultDescending) = (keys, @default, descending);

    /// <summary>A list sorted by <c>id</c> alone (the order rows were made in) until more fields are declared.</summary>
    public ApiSort() : this([new ApiSortKey<TRow, Guid>("id", IdOf())], "id", false) { }

    public IReadOnlyList<string> Names => keys.Select(k => k.Name).ToList();
    public string Default { get; }
    public bool DefaultDescending { get; }
    public Type Rows => typeof(TRow);
    public LambdaExpression KeyOf(string name) => keys.Single(k => k.Name == name).Key;

    /// <summary>One more field to sort by: <paramref name="name"/> as the items show it, <paramref name="key"/> a column (not null) of the row.</summary>
    public ApiSort<TRow> By<TKey>(string name, Expression<Func<TRow, TKey>> key) where TKey : IComparable<TKey> =>
        new([.. keys, new ApiSortKey<TRow, TKey>(name, key)], Default, DefaultDescending);

    /// <summary>The field (and direction) without <c>?sort=</c>, <c>?desc=</c>.</summary>
    public ApiSort<TRow> DefaultTo(string name, bool descending = false) =>
        keys.Any(k => k.Name == name) ? new(keys, name, descending) : throw new ArgumentException($"No sort field {name}.", nameof(name));

    /// <summary>
    /// The window the request asks for: its sort field (400 naming the allowed ones when it is not one of them) and
    /// direction, and the cursor's boundary (400 when the cursor is not ours or was made for another sort or direction).
    /// The window reads of each row its id, its sort key and <paramref name="read"/> (the id alone, or what the API shows
    /// as a projection), never the whole row; <paramref name="page"/> then makes the items of what it read, in the window's order.
    /// </summary>
    internal async Task<ApiList<TOut>> ReadAsync<TRead, TOut>(IQueryable<TRow> rows, ListWindow window, DbContext db, Expression<Func<TRow, TRead>> read,
        Func<IReadOnlyList<TRead>, CancellationToken, Task<IReadOnlyList<TOut>>> page, CancellationToken ct)
    {
        var (key, descending, cursor) = Choose(window);
        return await key.ReadAsync(rows, db, descending, cursor, window.Size, read, page, ct);
    }

    /// <summary>
    /// The same window of rows already in memory, in the order the database gives the same list (text by code points,
    /// <see cref="TextOrder.InMemory"/>), so a cursor made on one continues on the other. Plain delegates, compiled once
    /// per field: no expression tree is built or compiled per request (a search's page on the API compiled two, a quarter
    /// of its CPU at the EU size).
    /// </summary>
    internal ApiList<TRow> Read(IEnumerable<TRow> rows, ListWindow window)
    {
        var (key, descending, cursor) = Choose(window);
        return key.Read(rows, descending, cursor, window.Size);
    }

    /// <summary>The request's sort field (400 naming the allowed ones when it is not one of them), direction and boundary
    /// (400 when the cursor is not ours or was made for another sort or direction).</summary>
    private (ApiSortKey<TRow> Key, bool Descending, ApiCursor? Cursor) Choose(ListWindow window)
    {
        var name = window.Sort ?? Default;
        var key = keys.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ListParameterException("sort", "Api.UnknownSort", name, string.Join(", ", Names));
        var descending = window.Desc ?? (window.Sort is null && DefaultDescending);
        var cursor = window.Boundary;
        if (cursor is not null && (cursor.Sort != key.Name || cursor.Descending != descending))
            throw new ListParameterException("cursor", "Api.CursorOtherSort", cursor.Sort, key.Name);
        return (key, descending, cursor);
    }

    /// <summary>
    /// The window's whole rows, in the order of <paramref name="ids"/>: one query by id (the filter of <paramref name="rows"/>
    /// still applies, so a row changed meanwhile out of the caller's reach is left out).
    /// </summary>
    internal static async Task<IReadOnlyList<TRow>> RowsAsync(IQueryable<TRow> rows, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var byId = (await rows.Where(Paging.In(IdOf(), ids)).ToListAsync(ct)).ToDictionary(IdOfRow);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    internal static readonly Func<TRow, Guid> IdOfRow = IdOf().Compile();

    internal static Expression<Func<TRow, Guid>> IdOf()
    {
        var row = Expression.Parameter(typeof(TRow), "r");
        return Expression.Lambda<Func<TRow, Guid>>(Expression.Property(row, "Id"), row);
    }
}

/// <summary>One field of an <see cref="ApiSort{TRow}"/>; the subclass knows the type of its key.</summary>
internal abstract class ApiSortKey<TRow>(string name) where TRow : class
{
    public string Name { get; } = name;

    public abstract LambdaExpression Key { get; }

    public abstract Task<ApiList<TOut>> ReadAsync<TRead, TOut>(IQueryable<TRow> rows, DbContext db, bool descending, ApiCursor? cursor, int size,
        Expression<Func<TRow, TRead>> read, Func<IReadOnlyList<TRead>, CancellationToken, Task<IReadOnlyList<TOut>>> page, CancellationToken ct);

    public abstract ApiList<TRow> Read(IEnumerable<TRow> rows, bool descending, ApiCursor? cursor, int size);
}

internal sealed class ApiSortKey<TRow, TKey>(string name, Expression<Func<TRow, TKey>> key) : ApiSortKey<TRow>(name) where TRow : class
{
    private static readonly Expression<Func<TRow, Guid>> Id = ApiSort<TRow>.IdOf();

    public override LambdaExpression Key => key;

    public override async Task<ApiList<TOut>> ReadAsync<TRead, TOut>(IQueryable<TRow> rows, DbContext db, bool descending, ApiCursor? cursor, int size,
        Expression<Func<TRow, TRead>> read, Func<IReadOnlyList<TRead>, CancellationToken, Task<IReadOnlyList<TOut>>> page, CancellationToken ct)
    {
        // Reading backwards (a previous page) is reading forwards in the other direction, then turning the rows round.
        var ascending = (cursor?.Before == true) == descending;
        var (reads, next, previous) = Cut(await QueryAsync(rows, db, ascending, cursor, size, read, ct), descending, cursor, size);
        return new ApiList<TOut>(await page(reads, ct), next, previous);
    }

    public override ApiList<TRow> Read(IEnumerable<TRow> rows, bool descending, ApiCursor? cursor, int size)
    {
        var (reads, next, previous) = Cut(InMemory(rows, (cursor?.Before == true) == descending, cursor, size), descending, cursor, size);
        return new ApiList<TRow>(reads, next, previous);
    }

    /// <summary>The window of what was read (a row more than the page, to know there is a next one) and the cursors either side of it.</summary>
    private (IReadOnlyList<TRead> Reads, string? Next, string? Previous) Cut<TRead>(List<KeyedRead<TRead>> window, bool descending, ApiCursor? cursor, int size)
    {
        var backwards = cursor?.Before == true;
        var more = window.Count > size;
        if (more) window.RemoveAt(size);
        if (backwards) window.Reverse();
        string? At(KeyedRead<TRead> row, bool before) => new ApiCursor(Name, descending, JsonSerializer.SerializeToElement(row.Key), row.Id, before).Encode();
        // Forwards there is a next page when a row more was read, and a previous one when we came from a cursor; backwards the other way round.
        var next = window.Count > 0 && (backwards || more) ? At(window[^1], false) : null;
        var previous = window.Count > 0 && (backwards ? more : cursor is not null) ? At(window[0], true) : null;
        return (window.Select(r => r.Read).ToList(), next, previous);
    }

    /// <summary>The window from the database: the key and the id compared and ordered by the index (text through <see cref="TextOrder"/>).</summary>
    private async Task<List<KeyedRead<TRead>>> QueryAsync<TRead>(IQueryable<TRow> rows, DbContext db, bool ascending, ApiCursor? cursor, int size,
        Expression<Func<TRow, TRead>> read, CancellationToken ct)
    {
        var column = typeof(TKey) == typeof(string) ? (Expression<Func<TRow, TKey>>)(object)TextOrder.Binary(db, (Expression<Func<TRow, string>>)(object)key) : key;
        if (cursor is not null) rows = rows.Where(Paging.Beyond(column, Id, cursor.KeyAs<TKey>(), cursor.Id, ascending));
        // The id, the key and what the caller asked for: no row (nor what it owns) is read whole only to be passed over.
        return await Paging.Order(rows, column, Id, !ascending).Take(size + 1).Select(Keyed(column, read)).ToListAsync(ct);
    }

    /// <summary>
    /// The window of rows already in memory, in the order the database gives the same list: text by code points
    /// (<see cref="TextOrder.InMemory"/>, not the culture's order LINQ would use), so a cursor made on one continues on the other.
    /// </summary>
    private List<KeyedRead<TRow>> InMemory(IEnumerable<TRow> rows, bool ascending, ApiCursor? cursor, int size)
    {
        var keyOf = KeyOf;
        var idOf = ApiSort<TRow>.IdOfRow;
        var comparer = typeof(TKey) == typeof(string) ? (IComparer<TKey>)(object)TextOrder.InMemory : Comparer<TKey>.Default;
        if (cursor is not null)
        {
            var (boundaryKey, boundaryId) = (cursor.KeyAs<TKey>(), cursor.Id);
            rows = rows.Where(r => (comparer.Compare(keyOf(r), boundaryKey) is var c && c != 0 ? c : idOf(r).CompareTo(boundaryId)) is var d && (ascending ? d > 0 : d < 0));
        }
        var ordered = ascending ? rows.OrderBy(keyOf, comparer).ThenBy(idOf) : rows.OrderByDescending(keyOf, comparer).ThenByDescending(idOf);
        return ordered.Take(size + 1).Select(r => new KeyedRead<TRow>(idOf(r), keyOf(r), r)).ToList();
    }

    /// <summary>The key as a delegate, compiled once per field.</summary>
    private Func<TRow, TKey> KeyOf => keyOf ??= key.Compile();

    private Func<TRow, TKey>? keyOf;

    /// <summary>The row's id and what was asked of it, with its key as the query computed it, so the cursor carries exactly what the next page compares with.</summary>
    private static Expression<Func<TRow, KeyedRead<TRead>>> Keyed<TRead>(Expression<Func<TRow, TKey>> column, Expression<Func<TRow, TRead>> read) =>
        Expression.Lambda<Func<TRow, KeyedRead<TRead>>>(Expression.New(typeof(KeyedRead<TRead>).GetConstructor([typeof(Guid), typeof(TKey), typeof(TRead)])!,
            Expression.Property(column.Parameters[0], "Id"), column.Body, ReplacingExpressionVisitor.Replace(read.Parameters[0], column.Parameters[0], read.Body)),
            column.Parameters);

    internal sealed record KeyedRead<TRead>(Guid Id, TKey Key, TRead Read);
}

/// <summary>
/// An opaque cursor: the boundary row's sort key and id, the sort and direction it was made for, and whether it reads
/// the rows after it (next) or before it (previous); JSON in base64url, so clients follow it rather than build it.
/// Carrying the key (not only the id) lets a list continue when the boundary row was changed or removed meanwhile.
/// </summary>
public sealed record ApiCursor(
    [property: JsonPropertyName("s")] string Sort,
    [property: JsonPropertyName("d")] bool Descending,
    [property: JsonPropertyName("k")] JsonElement Key,
    [property: JsonPropertyName("i")] Guid Id,
    [property: JsonPropertyName("b")] bool Before)
{
    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static ApiCursor? Decode(string cursor)
    {
        if (cursor.Length > 1024) return null;
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var written)) return null;
        try
        {
            return JsonSerializer.Deserialize<ApiCursor>(bytes.AsSpan(0, written)) is { Sort: not null } c ? c : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The key as the sort field's type; a key that is not one (a cursor altered by hand) is the caller's mistake.</summary>
    internal TKey KeyAs<TKey>()
    {
        try
        {
            return Key.Deserialize<TKey>() ?? throw new ListParameterException("cursor", "Api.InvalidParameter", "cursor");
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new ListParameterException("cursor", "Api.InvalidParameter", "cursor");
        }
    }
}

/// <summary>A list parameter the request got wrong: a 400 problem naming it, with a translated reason (<see cref="BadRequestExceptionHandler"/>).</summary>
public sealed class ListParameterException(string parameter, string reasonKey, params object[] arguments)
    : BadHttpRequestException($"Failed to bind parameter \"{parameter}\".")
{
    public string Parameter { get; } = parameter;
    public string ReasonKey { get; } = reasonKey;
    public IReadOnlyList<object> Arguments { get; } = arguments;
}

/// <summary>The sort an endpoint's list offers, in its metadata: the OpenAPI document lists the names and the default.</summary>
public static class ApiSortEndpoints
{
    public static RouteHandlerBuilder WithSort(this RouteHandlerBuilder builder, IApiSortDescription sort) => builder.WithMetadata(sort);
}
