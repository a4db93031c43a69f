using Microsoft.AspNetCore.Mvc.ModelBinding;
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

    /// <summary>Why the text chose no cluster (none has it, or several, named), in the reader's language; null when it chose one or was empty.</summary>
    public string? Message(IStringLocalizer text) => !Unmatched ? null
        : Candidates.Count == 0 ? text["ClusterChoice.NoMatch", Typed!].Value : text["ClusterChoice.Several", Typed!, string.Join(", ", Candidates.Select(c => c.Name))].Value;

    /// <summary>
    /// A form's check of its cluster field (named <paramref name="field"/>, as posted): a text that chose no cluster gets its
    /// message, an empty required field "required"; the form comes back with the text as typed. True when the form may go on.
    /// </summary>
    public bool Check(ModelStateDictionary state, string field, bool required, IStringLocalizer text)
    {
        if (Message(text) is { } message) state.AddModelError(field, message);
        else if (required && Chosen is null) state.AddModelError(field, text["Validation.Required", text["Members.Cluster"]]);
        else return true;
        return false;
    }
}

/// <summary>
/// A form's field of several clusters as Shared/_ClusterChoices shows it: the clusters chosen so far, each a ticked box posted as
/// <paramref name="IdsName"/> (untick to take it away), and one cluster field (<paramref name="Add"/>) that adds one more on save.
/// </summary>
public sealed record ClusterChoicesField(string IdsName, IReadOnlyList<ClusterChoiceItem> Chosen, ClusterChoiceField Add, string LegendKey, string HelpKey)
{
    /// <summary>
    /// The ids the form saves: the ticked ones and the one the add field chose. False (with the field's message) when its text
    /// chose none; the form comes back with the text as typed.
    /// </summary>
    public static bool Merge(List<Guid> ids, ClusterChoice added, ModelStateDictionary state, string addName, IStringLocalizer text)
    {
        if (!added.Check(state, addName, required: false, text)) return false;
        if (added.Chosen is { } c && !ids.Contains(c.Id)) ids.Add(c.Id);
        return true;
    }
}

/// <summary>
/// One cluster field as Shared/_ClusterChoice shows it: the name it posts (a list's "cluster", a form's "Input.ClusterId"),
/// its element id (which the page's label and the error summary point at), what it chose, and the text an empty field means.
/// </summary>
public sealed record ClusterChoiceField(string Name, string Id, ClusterChoice Choice, string? PlaceholderKey = "Common.All", string HelpKey = "ClusterChoice.Help")
{
    /// <summary>A list's cluster filter: "cluster" in the address, empty for every cluster.</summary>
    public static ClusterChoiceField Filter(ClusterChoice choice) => new("cluster", "cluster", choice);

    /// <summary>A form's cluster field, posted as <paramref name="name"/> ("Input.ClusterId"), its id the one the error summary links to.</summary>
    public static ClusterChoiceField Form(string name, ClusterChoice choice, string? placeholderKey, string helpKey) =>
        new(name, name.Replace('.', '_'), choice, placeholderKey, helpKey);
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

    /// <summary>The longest text a person types to name a cluster (a cluster's name is shorter).</summary>
    public const int MaxTyped = 300;

    /// <summary>
    /// Whether the text could be (a part of) a cluster's name: no control character, no half of a surrogate pair, not longer than
    /// <see cref="MaxTyped"/>. Other text chooses no cluster without asking the database: a form's field reaches here before the
    /// form's checks, and PostgreSQL cannot compare a NUL in text, nor Npgsql send a broken pair (a 500 instead of the message).
    /// </summary>
    internal static bool CanBeAName(string text)
    {
        if (text.Length > MaxTyped) return false;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i])) return false;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    public Task<ClusterChoice> HandleAsync(string? typed, CancellationToken ct) => HandleAsync(typed, scope.Clusters(), ct);

    /// <summary>
    /// The cluster a form's field names among the clusters that form may choose (<paramref name="among"/>, within what the caller
    /// sees: e.g. the clusters a manager may act on). A name outside them chooses nothing, as an unknown name does.
    /// </summary>
    public async Task<ClusterChoice> HandleAsync(string? typed, IQueryable<Cluster> among, CancellationToken ct)
    {
        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text)) return ClusterChoice.None;
        if (!CanBeAName(text)) return new ClusterChoice(text, null, []);
        var visible = among.AsNoTracking();
        if (Guid.TryParse(text, out var id))
        {
            var byId = await visible.Where(c => c.Id == id).Select(c => new ClusterChoiceItem(c.Id, c.Name)).FirstOrDefaultAsync(ct);
            return new ClusterChoice(text, byId, []);
        }
        var lower = text.ToLower();
        var exact = await visible.Where(c => c.Name.ToLower() == lower).Select(c => new ClusterChoiceItem(c.Id, c.Name)).FirstOrDefaultAsync(ct);
        if (exact is not null) return new ClusterChoice(text, exact, []);
        var candidates = await SuggestAsync(text, among, ct);
        return candidates.Count == 1 ? new ClusterChoice(text, candidates[0], []) : new ClusterChoice(text, null, candidates);
    }

    /// <summary>The clusters a form's several-cluster field holds (the ids it posted), those the caller may see, by name.</summary>
    public Task<IReadOnlyList<ClusterChoiceItem>> NamedAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) => NamedAsync(ids, scope.Clusters(), ct);

    /// <summary>The same among the clusters a form may hold (a project's: any cluster, see ListProjectClusterChoices).</summary>
    public async Task<IReadOnlyList<ClusterChoiceItem>> NamedAsync(IReadOnlyCollection<Guid> ids, IQueryable<Cluster> among, CancellationToken ct) =>
        ids.Count == 0 ? [] : await among.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new ClusterChoiceItem(c.Id, c.Name)).ToListAsync(ct);

    /// <summary>Up to <see cref="MaxSuggestions"/> clusters the caller may see whose name contains the text, by name.</summary>
    public Task<IReadOnlyList<ClusterChoiceItem>> SuggestAsync(string? search, CancellationToken ct) => SuggestAsync(search, scope.Clusters(), ct);

    private static async Task<IReadOnlyList<ClusterChoiceItem>> SuggestAsync(string? search, IQueryable<Cluster> among, CancellationToken ct)
    {
        var term = search?.Trim().ToLower();
        if (string.IsNullOrEmpty(term) || !CanBeAName(term)) return [];
        return await among.AsNoTracking().Where(c => c.Name.ToLower().Contains(term)).OrderBy(c => c.Name)
            .Take(MaxSuggestions).Select(c => new ClusterChoiceItem(c.Id, c.Name)).ToListAsync(ct);
    }
}
