namespace Clusterpact.Web.Features.Shared;

/// <summary>One button of a lifecycle step as a page shows it.</summary>
public sealed record LifecycleButton(string Step, string LabelKey, bool ReasonRequired);

/// <summary>
/// The steps the signed-in person may take on one record now, read from the record's lifecycle table: what
/// <c>_LifecycleActions.cshtml</c> renders as buttons (each a form posting <c>step</c>, the reason when the table asks one,
/// and the version the person saw to the page's <see cref="Handler"/>). Steps that need a form of their own (a decision
/// with its outcome) are left out of the buttons with <c>ownForm</c> and shown by the page when <see cref="Can"/> says so.
/// </summary>
public sealed class LifecycleActions
{
    private readonly HashSet<string> _available;

    private LifecycleActions(IReadOnlyList<LifecycleButton> buttons, IEnumerable<string> available, long? version, string handler, IReadOnlyDictionary<string, string> hidden)
    {
        Buttons = buttons;
        _available = available.ToHashSet();
        Version = version;
        Handler = handler;
        Hidden = hidden;
    }

    public IReadOnlyList<LifecycleButton> Buttons { get; }
    public long? Version { get; }
    public string Handler { get; }
    public IReadOnlyDictionary<string, string> Hidden { get; }

    /// <summary>Whether the person may take this step now (for steps with a form of their own).</summary>
    public bool Can(string step) => _available.Contains(step);

    public static LifecycleActions None { get; } = new([], [], null, "Step", new Dictionary<string, string>());

    public static LifecycleActions For<TState>(Lifecycle<TState> lifecycle, TState state, IReadOnlySet<Actor> actors, long? version,
        IEnumerable<string>? ownForm = null, string handler = "Step", IReadOnlyDictionary<string, string>? hidden = null)
        where TState : struct, Enum
    {
        var available = lifecycle.Available(state, actors);
        var own = (ownForm ?? []).ToHashSet();
        var buttons = available.Where(s => !own.Contains(s.Name))
            .Select(s => new LifecycleButton(s.Name, lifecycle.StepKey(s.Name), s.ReasonRequired)).ToList();
        return new LifecycleActions(buttons, available.Select(s => s.Name), version, handler, hidden ?? new Dictionary<string, string>());
    }
}
