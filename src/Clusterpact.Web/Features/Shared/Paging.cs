using Microsoft.AspNetCore.WebUtilities;

namespace Clusterpact.Web.Features.Shared;

/// <summary>One page of a list, with the total so the UI can say "21-40 of 312".</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));
}

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public static int ClampPage(int? page) => Math.Max(1, page ?? 1);

    public static int ClampSize(int? size) => Math.Clamp(size ?? DefaultPageSize, 1, MaxPageSize);
}

/// <summary>What the pager partial needs: where we are and how to build the link to another page, keeping the filters.</summary>
public sealed class PagerModel(int page, int pageSize, int totalCount, string path, IDictionary<string, string?> query)
{
    public int Page { get; } = page;
    public int TotalCount { get; } = totalCount;
    public int TotalPages { get; } = Math.Max(1, (int)Math.Ceiling(totalCount / (double)pageSize));
    public int FirstItem { get; } = totalCount == 0 ? 0 : (page - 1) * pageSize + 1;
    public int LastItem { get; } = Math.Min(page * pageSize, totalCount);

    public string UrlFor(int target)
    {
        var q = new Dictionary<string, string?>(query) { ["page"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return QueryHelpers.AddQueryString(path, q.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public IEnumerable<int> VisiblePages()
    {
        var from = Math.Max(1, Page - 3);
        var to = Math.Min(TotalPages, from + 6);
        return Enumerable.Range(from, to - from + 1);
    }
}
