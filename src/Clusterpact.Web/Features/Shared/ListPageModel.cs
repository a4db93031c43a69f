using Microsoft.AspNetCore.WebUtilities;

namespace Clusterpact.Web.Features.Shared;

/// <summary>
/// A page that shows a list: it binds the list's page (number, size, keyset boundary) and builds every link of the
/// list (pager, sort headers, export, the same filters elsewhere) from its filters, so no page writes its own.
/// The page number is <c>p</c>: <c>page</c> is Razor Pages' own route value (the page's path) and never binds.
/// </summary>
public abstract class ListPageModel : PageModel
{
    public const string PageParameter = "p";
    public const string SizeParameter = "size";

    [BindProperty(SupportsGet = true, Name = PageParameter)] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = SizeParameter)] public int? PageSize { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? After { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Before { get; set; }

    protected virtual int DefaultPageSize => Paging.DefaultPageSize;

    /// <summary>The page's filters under their query-string names; empty values are left out of the links.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Filters() => [];

    /// <summary>The sort, under its query-string names; empty for a list with one order.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> SortState() => [];

    public PageRequest PageRequest => new(PageNumber, PageSize ?? DefaultPageSize, After, Before);

    public ListLinks Links => LinksWith(SortState());

    protected ListLinks LinksWith(IEnumerable<KeyValuePair<string, string?>> sort) =>
        new($"{Request.PathBase}{Request.Path}", Filters().Concat(sort), PageSize);

    /// <summary>
    /// The address of exactly what the list shows: path, filters, sort, page size, page and keyset boundary, in one
    /// canonical order. A page whose content is kept answers keeps its rendered HTML under their version and this
    /// (<c>&lt;cache vary-by="@(Kept.SharedVersion + Model.ListState)"&gt;</c>, decision 0020).
    /// </summary>
    public string ListState => Links.Page(PageNumber, After, Before);

    public PagerModel Pager<T>(Paged<T> result) => new(result.Page, result.TotalPages, result.FirstItem, result.LastItem, result.TotalCount, result.TotalIsExact, result.Cursors, Links);

    /// <summary>Hidden inputs of the filter form: a new search keeps the sort and the page size, and starts on page 1.</summary>
    public IEnumerable<KeyValuePair<string, string>> FormState =>
        SortState().Append(new(SizeParameter, PageSize?.ToString(CultureInfo.InvariantCulture)))
            .Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value!));
}

/// <summary>A list page with sortable columns: <typeparamref name="TSort"/> names them; the default sort is left out of links.</summary>
public abstract class ListPageModel<TSort>(TSort defaultSort, bool defaultDescending = false) : ListPageModel where TSort : struct, Enum
{
    private readonly TSort _defaultSort = defaultSort;
    private readonly bool _defaultDescending = defaultDescending;

    [BindProperty(SupportsGet = true)] public TSort Sort { get; set; } = defaultSort;
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; } = defaultDescending;

    /// <summary>Whether a column shows its largest or newest first when it is chosen (amounts, dates); otherwise ascending.</summary>
    protected virtual bool StartsDescending(TSort column) => false;

    protected override IEnumerable<KeyValuePair<string, string?>> SortState() => SortState(Sort, Desc);

    private IEnumerable<KeyValuePair<string, string?>> SortState(TSort sort, bool desc) =>
    [
        new("sort", EqualityComparer<TSort>.Default.Equals(sort, _defaultSort) ? null : sort.ToString()),
        new("desc", desc == _defaultDescending ? null : desc ? "true" : "false"),
    ];

    /// <summary>The column's header: a link that sorts by it (or turns the direction round), with aria-sort on the sorted column.</summary>
    public SortHeader Header(TSort column, string label, string? cssClass = null)
    {
        var current = EqualityComparer<TSort>.Default.Equals(column, Sort);
        var desc = current ? !Desc : StartsDescending(column);
        return new SortHeader(label, LinksWith(SortState(column, desc)).Page(1), current ? Desc ? "descending" : "ascending" : null, current ? Desc ? "▼" : "▲" : null, cssClass);
    }
}

/// <summary>What the sort header partial draws.</summary>
public sealed record SortHeader(string Label, string Url, string? AriaSort, string? Arrow, string? CssClass);

/// <summary>The links of one list: its path and the filters and sort every link keeps.</summary>
public sealed class ListLinks(string path, IEnumerable<KeyValuePair<string, string?>> state, int? pageSize)
{
    private readonly List<KeyValuePair<string, string?>> _state = state.ToList();

    /// <summary>Another page of the list; with a boundary row, the page right after or before it (keyset).</summary>
    public string Page(int page, Guid? after = null, Guid? before = null) =>
        Build(path, _state.Concat(
        [
            new(ListPageModel.SizeParameter, pageSize?.ToString(CultureInfo.InvariantCulture)),
            new(ListPageModel.PageParameter, page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null),
            new("after", after?.ToString()), new("before", before?.ToString()),
        ]));

    /// <summary>The whole filtered, sorted list as a file (the page's Export handler), without paging.</summary>
    public string Export(string format) => Build(path, _state.Concat([new("handler", "Export"), new("format", format)]));

    /// <summary>The same filters and sort at another address, e.g. a download from the API, without paging.</summary>
    public string To(string otherPath) => Build(otherPath, _state);

    private static string Build(string path, IEnumerable<KeyValuePair<string, string?>> query) =>
        QueryHelpers.AddQueryString(path, query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}

/// <summary>What the pager partial needs: where we are, and the links to the other pages (keyset for next and previous).</summary>
/// <remarks>A total that was not counted to the end (<see cref="TotalIsExact"/> false) has no last page to link to: the pager then ends one page past this one.</remarks>
public sealed class PagerModel(int page, int totalPages, int firstItem, int lastItem, int totalCount, bool totalIsExact, PageCursors? cursors, ListLinks links)
{
    public int Page { get; } = page;
    public int TotalPages { get; } = totalPages;
    public int FirstItem { get; } = firstItem;
    public int LastItem { get; } = lastItem;
    public int TotalCount { get; } = totalCount;
    public bool TotalIsExact { get; } = totalIsExact;

    public string UrlFor(int target) => links.Page(target);

    public string PreviousUrl => Page - 1 > 1 && cursors is { } c ? links.Page(Page - 1, before: c.First) : links.Page(Page - 1);

    public string NextUrl => cursors is { } c ? links.Page(Page + 1, after: c.Last) : links.Page(Page + 1);

    /// <summary>Up to seven pages around this one, and always the first and the last (the pager marks a gap between them).</summary>
    public IReadOnlyList<int> VisiblePages()
    {
        var from = Math.Max(1, Math.Min(Page - 3, TotalPages - 6));
        var to = Math.Min(TotalPages, from + 6);
        var pages = Enumerable.Range(from, to - from + 1).Prepend(1);
        return (TotalIsExact ? pages.Append(TotalPages) : pages).Distinct().Order().ToList();
    }
}
