using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Clusterpact.Web.Features.Clusters;
using Microsoft.Extensions.Primitives;

namespace Clusterpact.Web.Infrastructure.Requests;

/// <summary>
/// One page of an API list: the rows, the cursor of the next page (null on the last) and of the previous one (null on the
/// first). The same cursors are in the response's <c>Link: &lt;...&gt;; rel="next"</c> and <c>rel="prev"</c> headers (RFC 8288),
/// so a client can follow either.
/// </summary>
public sealed record ApiList<T>(IReadOnlyList<T> Items, string? Next, string? Previous = null);

/// <summary>
/// Which window of an API list to read: in which order (<see cref="Sort"/>, one of the list's <see cref="ApiSort{TRow}"/>
/// fields, <see cref="Desc"/> for the other direction), after (or before) the row a cursor names (keyset, so a row added or
/// removed meanwhile neither repeats nor skips another), at most <see cref="Limit"/> rows. Bound from <c>?sort=</c>,
/// <c>?desc=</c>, <c>?cursor=</c> and <c>?limit=</c> with <c>[AsParameters]</c>, so every list declares the same parameters
/// in the OpenAPI document.
/// </summary>
public sealed record ListWindow([property: FromQuery(Name = "cursor")] string? Cursor, [property: FromQuery(Name = "limit")] int? Limit,
    [property: FromQuery(Name = "sort")] string? Sort = null, [property: FromQuery(Name = "desc")] bool? Desc = null)
{
    public const int DefaultLimit = 50;

    /// <summary>The row to continue from; a cursor that is not one of ours is the caller's mistake (400 naming it).</summary>
    public ApiCursor? Boundary => string.IsNullOrEmpty(Cursor) ? null : ApiCursor.Decode(Cursor) ?? throw Bad("cursor", Cursor);

    public int Size => Limit switch
    {
        null => DefaultLimit,
        >= 1 and <= Paging.MaxPageSize => Limit.Value,
        _ => throw Refused(nameof(Limit))!,
    };

    /// <summary>
    /// Why a window parameter is refused, under the name the client sent (<c>limit</c>, not the property's <c>Limit</c>) and in
    /// the client's words: a limit out of range, or a limit or direction the framework could not read (<c>limit=abc</c>,
    /// <c>desc=maybe</c>); null for a property that has no reason of its own.
    /// </summary>
    internal static ListParameterException? Refused(string property) => property switch
    {
        nameof(Limit) => new ListParameterException("limit", "Api.InvalidLimit", Paging.MaxPageSize),
        nameof(Desc) => new ListParameterException("desc", "Api.InvalidDesc"),
        _ => null,
    };

    // The message shape BadRequestExceptionHandler reads the parameter's name from: a 400 problem naming it.
    private static BadHttpRequestException Bad(string name, string value) => new($"Failed to bind parameter \"{name}\" from \"{value}\".");
}

/// <summary>
/// The API's conventions in one place (decision 0015): keyset lists with a <c>Link</c> header, <c>ETag</c> on a record's
/// read from its concurrency version, <c>If-Match</c> on every change (428 without it, 412 when stale), and a command's
/// outcome as RFC 9457 problem details with the rule's translated reason and its code.
/// </summary>
public static class ApiConventions
{
    public const string StaleCode = "Api.PreconditionFailed";
    public const string MissingCode = "Api.PreconditionRequired";

    /// <summary>
    /// The window of <paramref name="rows"/> (already filtered and scoped) the request asks for, in the order of one of
    /// <paramref name="sort"/>'s fields, mapped to what the API shows; sets the <c>Link</c> header of the next and previous page.
    /// </summary>
    public static async Task<ApiList<TOut>> ToApiListAsync<TRow, TOut>(this IQueryable<TRow> rows, ApiSort<TRow> sort, ListWindow window, HttpContext http,
        Func<IReadOnlyList<TRow>, CancellationToken, Task<IReadOnlyList<TOut>>> map, CancellationToken ct) where TRow : class =>
        http.Linked(await rows.ToApiListAsync(sort, window, http.RequestServices.GetRequiredService<ClusterpactDbContext>(), map, ct));

    /// <summary>
    /// The window without the response: what a use case answers (it knows no HTTP); the endpoint passes it through
    /// <see cref="Linked{T}"/> for the <c>Link</c> header. <paramref name="db"/> says how text sorts (<see cref="TextOrder"/>).
    /// </summary>
    public static Task<ApiList<TOut>> ToApiListAsync<TRow, TOut>(this IQueryable<TRow> rows, ApiSort<TRow> sort, ListWindow window, DbContext db,
        Func<IReadOnlyList<TRow>, CancellationToken, Task<IReadOnlyList<TOut>>> map, CancellationToken ct) where TRow : class
    {
        rows = rows.AsNoTracking();
        return sort.ReadAsync(rows, window, db, ApiSort<TRow>.IdOf(), async (ids, c) => await map(await ApiSort<TRow>.RowsAsync(rows, ids, c), c), ct);
    }

    /// <summary>
    /// The same when what the API shows is a projection of the rows (<paramref name="select"/>): the window reads it
    /// itself, one query, and no whole row, nor what it owns.
    /// </summary>
    public static Task<ApiList<TOut>> ToApiListAsync<TRow, TOut>(this IQueryable<TRow> rows, ApiSort<TRow> sort, ListWindow window, DbContext db,
        Expression<Func<TRow, TOut>> select, CancellationToken ct) where TRow : class =>
        sort.ReadAsync(rows.AsNoTracking(), window, db, select, (read, _) => Task.FromResult(read), ct);

    /// <summary>The same window of rows already in memory (a list a use case computed, a search's few matches): sorted and
    /// cut there in the database's order, without a query.</summary>
    public static ApiList<TRow> ToApiList<TRow>(this IEnumerable<TRow> rows, ApiSort<TRow> sort, ListWindow window) where TRow : class => sort.Read(rows, window);

    /// <summary>The same for rows that are what the API shows.</summary>
    public static Task<ApiList<TRow>> ToApiListAsync<TRow>(this IQueryable<TRow> rows, ApiSort<TRow> sort, ListWindow window, DbContext db, CancellationToken ct)
        where TRow : class => rows.ToApiListAsync(sort, window, db, (read, _) => Task.FromResult(read), ct);

    /// <summary>A list page as the answer: sets the <c>Link</c> header of the next page when there is one.</summary>
    public static ApiList<T> Linked<T>(this HttpContext http, ApiList<T> list)
    {
        if (list.Next is { } next) http.Response.Headers.Append("Link", $"<{UrlWith(http.Request, next)}>; rel=\"next\"");
        if (list.Previous is { } previous) http.Response.Headers.Append("Link", $"<{UrlWith(http.Request, previous)}>; rel=\"prev\"");
        return list;
    }

    /// <summary>The same request with another page's cursor: path and query (so its sort and direction) as the client sent them.</summary>
    private static string UrlWith(HttpRequest request, string cursor)
    {
        var query = request.Query.Where(q => !q.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("cursor", cursor));
        return $"{request.PathBase}{request.Path}{QueryString.Create(query)}";
    }

    /// <summary>A record's read: its body with its concurrency version as a strong <c>ETag</c>, to send back as <c>If-Match</c>.</summary>
    public static Ok<T> Tagged<T>(this HttpContext http, T body, long version)
    {
        http.Response.Headers.ETag = ETagOf(version);
        return TypedResults.Ok(body);
    }

    /// <summary>A record a change created: 201 with where it is read, its body and its concurrency version as <c>ETag</c>.</summary>
    public static IResult CreatedTagged<T>(this HttpContext http, string location, T body, long version)
    {
        http.Response.Headers.ETag = ETagOf(version);
        return TypedResults.Created(location, body);
    }

    public static string ETagOf(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// A command's outcome on the API. Success: 200 with the new version, also as <c>ETag</c>. A stale <c>If-Match</c>
    /// (the record changed since it was read): 412. A lifecycle step the record's state does not allow (the table's
    /// <c>{Name}.Step.{Step}.NotAllowed</c>, decision 0009) or another concurrency rule: 409. Another refusal: 400. Each
    /// with the rule's translated reason as <c>detail</c> and its message key as <c>code</c>. A step that is not the
    /// caller's is Forbidden from every use case (<see cref="Features.Shared.StepRefusal"/>), so 403 like any other.
    /// </summary>
    public static IResult ToApiResult(this CommandOutcome outcome, IStringLocalizer text, HttpContext http)
    {
        if (outcome.Status == CommandStatus.Ok && outcome.NewVersion is > 0) http.Response.Headers.ETag = ETagOf(outcome.NewVersion.Value);
        if (outcome.Status == CommandStatus.Conflict && outcome.ErrorCode == CommandOutcome.Conflict.ErrorCode
            && (http.Request.Headers.ContainsKey(HeaderNames.IfMatch) || CreatesWithIfNoneMatch.Asked(http)))
            return Problem(text, StatusCodes.Status412PreconditionFailed, StaleCode);
        if (outcome is { Status: CommandStatus.Invalid, ErrorCode: { } code } && IsStateRefusal(code)) return Problem(text, StatusCodes.Status409Conflict, code);
        return outcome.ToHttpResult(text);
    }

    private static bool IsStateRefusal(string code) => code.Contains(".Step.", StringComparison.Ordinal) && code.EndsWith(".NotAllowed", StringComparison.Ordinal);

    /// <summary>Problem details with a title from the status, the rule's reason in the caller's language and its message key.</summary>
    public static IResult Problem(IStringLocalizer text, int status, string code) =>
        TypedResults.Problem(text[code], statusCode: status, title: text["Api.Status." + status.ToString(CultureInfo.InvariantCulture)],
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>
    /// Every endpoint that takes an <see cref="IfMatch"/> refuses a change without one (428) or with one that is no
    /// version of ours (412) before its handler runs; declared once on the /api group.
    /// </summary>
    public static RouteGroupBuilder WithPreconditions(this RouteGroupBuilder group)
    {
        group.AddEndpointFilterFactory((factory, next) =>
        {
            if (!factory.MethodInfo.GetParameters().Any(p => p.ParameterType == typeof(IfMatch))) return next;
            return async context =>
            {
                var http = context.HttpContext;
                var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                if (!http.Request.Headers.TryGetValue(HeaderNames.IfMatch, out var sent) || StringValues.IsNullOrEmpty(sent))
                    return CreatesWithIfNoneMatch.Asked(http) ? await next(context) : Problem(text, StatusCodes.Status428PreconditionRequired, MissingCode);
                if (IfMatch.Parse(sent) is null) return Problem(text, StatusCodes.Status412PreconditionFailed, StaleCode);
                return await next(context);
            };
        });
        return group;
    }
}

/// <summary>
/// Marks a <c>PUT</c> that also makes the record when there is none: instead of <c>If-Match</c> the client may send
/// <c>If-None-Match: *</c> ("only if it does not exist yet", RFC 9110 13.1.2), and the handler gets no <see cref="IfMatch"/>.
/// So a new record cannot overwrite one made meanwhile, and a change still rests on the version read.
/// </summary>
public sealed class CreatesWithIfNoneMatch
{
    public static readonly CreatesWithIfNoneMatch Instance = new();

    /// <summary>Whether the endpoint takes <c>If-None-Match: *</c> and the request sends exactly that.</summary>
    public static bool Asked(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<CreatesWithIfNoneMatch>() is not null
        && http.Request.Headers[HeaderNames.IfNoneMatch] is { Count: 1 } sent && sent[0]?.Trim() == "*";
}

public static class CreatesWithIfNoneMatchEndpoints
{
    public static TBuilder CreatesWithIfNoneMatch<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Requests.CreatesWithIfNoneMatch.Instance);
}

/// <summary>
/// The version a change was made against, from the <c>If-Match</c> header: exactly one strong entity tag as this API
/// sends it (<c>"12"</c>). A weak tag, a list or <c>*</c> matches no version here, so the precondition fails (412).
/// </summary>
public sealed record IfMatch(long Version)
{
    public static ValueTask<IfMatch?> BindAsync(HttpContext http) => ValueTask.FromResult(Parse(http.Request.Headers[HeaderNames.IfMatch]));

    public static IfMatch? Parse(StringValues header)
    {
        if (header.Count != 1 || header[0] is not { } value) return null;
        value = value.Trim();
        if (value.Length < 3 || value[0] != '"' || value[^1] != '"') return null;
        return long.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? new IfMatch(v) : null;
    }
}
