namespace Clusterpact.Web.Features.Clusters;

/// <summary>A cluster the caller may see, as a cluster filter suggests or chooses it.</summary>
public sealed record ClusterChoiceItem(Guid Id, string Name);

/// <summary>
/// What a cluster filter's text field (Shared/_ClusterChoice) chose. The field sends an id (the links of other pages, the
/// pager) or what a person typed: a whole name, or a part of one that only one cluster has.
/// </summary>
/// <param name="Typed">The field's value as sent; null when the list is not filtered by cluster.</param>
/// <param name="Chosen">The cluster it names, when the caller may see exactly that one.</param>
/// <param name="Candidates">The clusters a name that chose none contains (at most <see cref="ChooseCluster.MaxSuggestions"/>), to choose from.</param>
public sealed record ClusterChoice(string? Typed, ClusterChoiceItem? Chosen, IReadOnlyList<ClusterChoiceItem> Candidates)
{
    public static readonly ClusterChoice None = new(null, null, []);

    /// <summary>The cluster the list is filtered by. A text that names no cluster (or several) filters to nothing, not to
    /// everything: no cluster has the empty id.</summary>
    public Guid? FilterId => Chosen?.Id ?? (Typed is null ? null : Guid.Empty);

    /// <summary>The value the list's links keep: the chosen cluster's id, else the text as typed.</summary>
    public string? QueryValue => Chosen?.Id.ToString() ?? Typed;

    /// <summary>What the field shows: the chosen cluster's name, else the text as typed.</summary>
    public string? Text => Chosen?.Name ?? Typed;

    /// <summary>A text was sent that chose no cluster.</summary>
    public bool Unmatched => Typed is not null && Chosen is null;
}

/// <summary>
/// The cluster filter of a list, for any number of clusters (issue 18: a dropdown of every cluster put 3,000 options in
/// every list page at EU size, and nobody chooses from 3,000): the field's text to a cluster, and the suggestions the field
/// offers while a person types (GET /api/v1/clusters/choices). Only clusters the caller may see, so a manager learns no
/// other cluster's name or id.
/// </summary>
public sealed class ChooseCluster(Scope scope) : IUseCase
{
    public const int MaxSuggestions = 10;

    public async Task<ClusterChoice> HandleAsync(string? typed, CancellationToken ct)
    {
        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text)) return ClusterChoice.None;
        var visible = scope.Clusters().AsNoTracking();
        if (Guid.TryParse(text, out var id))
        {
            var byId = await visible.Where(c => c.Id == id).Select(c => new ClusterChoiceItem(c.Id, c.Name)).FirstOrDefaultAsync(ct);
            return new ClusterChoice(text, byId, []);
        }
        var lower = text.ToLower();
        var exact = await visible.Where(c => c.Name.ToLower() == lower).Select(c => new ClusterChoiceItem(c.Id, c.Name)).FirstOrDefaultAsync(ct);
        if (exact is not null) return new ClusterChoice(text, exact, []);
        var candidates = await SuggestAsync(text, ct);
        return candidates.Count == 1 ? new ClusterChoice(text, candidates[0], []) : new ClusterChoice(text, null, candidates);
    }

    /// <summary>Up to <see cref="MaxSuggestions"/> clusters the caller may see whose name contains the text, by name.</summary>
    public async Task<IReadOnlyList<ClusterChoiceItem>> SuggestAsync(string? search, CancellationToken ct)
    {
        var term = search?.Trim().ToLower();
        if (string.IsNullOrEmpty(term)) return [];
        return await scope.Clusters().AsNoTracking().Where(c => c.Name.ToLower().Contains(term)).OrderBy(c => c.Name)
            .Take(MaxSuggestions).Select(c => new ClusterChoiceItem(c.Id, c.Name)).ToListAsync(ct);
    }
}
