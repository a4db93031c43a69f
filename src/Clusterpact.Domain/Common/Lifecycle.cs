namespace Clusterpact.Domain.Common;

/// <summary>
/// Who takes a step in a lifecycle. The web layer decides which of these the signed-in person is for one record
/// (agency staff, the manager of that record's cluster, the owner of that application, the expert of that assignment);
/// the lifecycle table says which of them may take which step.
/// </summary>
public enum Actor
{
    /// <summary>Agency staff: administrators and programme officers.</summary>
    Agency,

    /// <summary>A cluster manager acting for the record's own cluster.</summary>
    ClusterManager,

    /// <summary>The person who owns the application.</summary>
    Applicant,

    /// <summary>The external expert of this assignment.</summary>
    Expert,
}

/// <summary>The actor sets a caller passes when it acts in one capacity only (the demo seeder, a job, a test).</summary>
public static class Actors
{
    public static readonly IReadOnlySet<Actor> Agency = new HashSet<Actor> { Actor.Agency };
    public static readonly IReadOnlySet<Actor> ClusterManager = new HashSet<Actor> { Actor.ClusterManager };
    public static readonly IReadOnlySet<Actor> Applicant = new HashSet<Actor> { Actor.Applicant };
    public static readonly IReadOnlySet<Actor> Expert = new HashSet<Actor> { Actor.Expert };
    public static readonly IReadOnlySet<Actor> Nobody = new HashSet<Actor>();
}

/// <summary>
/// One allowed step of a lifecycle: its name (stable, used in URLs and resource keys), the state it leaves and the one it
/// reaches, who may take it, and whether a written reason must go with it.
/// </summary>
public sealed record LifecycleStep<TState>(string Name, TState From, TState To, IReadOnlySet<Actor> Actors, bool ReasonRequired)
    where TState : struct, Enum
{
    public bool AllowedFor(Actor actor) => Actors.Contains(actor);
}

/// <summary>
/// A lifecycle as one table: the states of an aggregate and the steps between them. The aggregate checks every step
/// against it (<see cref="Check"/>), pages render their buttons from it (<see cref="Available"/>), authorization of a step
/// comes from its actors, and one test per table tries every (state, step, actor), so the three cannot drift apart.
/// </summary>
/// <remarks>
/// Resource keys follow from the table's <see cref="Name"/>: <c>{Name}.State.{State}</c> is the label staff see,
/// <c>{Name}.State.{State}.Outside</c> the label the outside party sees (cluster manager, applicant, expert),
/// <c>{Name}.Step.{Step}</c> the button, and <c>{Name}.Step.{Step}.NotAllowed</c> the refusal when the step cannot be
/// taken from the current state. <c>Lifecycle.NotYourStep</c> and <c>Lifecycle.ReasonRequired</c> are shared.
/// </remarks>
public sealed class Lifecycle<TState> where TState : struct, Enum
{
    public const string NotYourStep = "Lifecycle.NotYourStep";
    public const string ReasonRequired = "Lifecycle.ReasonRequired";
    public const string UnknownStep = "Lifecycle.UnknownStep";

    public Lifecycle(string name, IEnumerable<LifecycleStep<TState>> steps)
    {
        Name = name;
        Steps = steps.ToList();
        var duplicate = Steps.GroupBy(s => (s.Name, s.From)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Lifecycle {name}: step {duplicate.Key.Name} twice from {duplicate.Key.From}");
    }

    /// <summary>The prefix of this lifecycle's resource keys, e.g. "Payment".</summary>
    public string Name { get; }

    public IReadOnlyList<LifecycleStep<TState>> Steps { get; }

    public static IReadOnlyList<TState> States => Enum.GetValues<TState>();

    /// <summary>The names of the steps, each once, in the order of the table.</summary>
    public IReadOnlyList<string> StepNames => Steps.Select(s => s.Name).Distinct().ToList();

    public LifecycleStep<TState>? Find(TState from, string step) =>
        Steps.FirstOrDefault(s => EqualityComparer<TState>.Default.Equals(s.From, from) && s.Name == step);

    /// <summary>The steps that can be taken from a state by someone who is any of the actors: what a page offers as buttons.</summary>
    public IReadOnlyList<LifecycleStep<TState>> Available(TState from, IReadOnlySet<Actor> actors) =>
        Steps.Where(s => EqualityComparer<TState>.Default.Equals(s.From, from) && s.Actors.Overlaps(actors)).ToList();

    /// <summary>
    /// Whether someone who is any of <paramref name="actors"/> may take <paramref name="step"/> from <paramref name="from"/>
    /// with this reason: the step itself when so, otherwise the refusal with its translated reason (wrong state before
    /// wrong person, so the message says what is wrong with the record).
    /// </summary>
    public Result<LifecycleStep<TState>> Check(TState from, string step, IReadOnlySet<Actor> actors, string? reason)
    {
        if (!StepNames.Contains(step)) return Result<LifecycleStep<TState>>.Fail(new DomainError(UnknownStep));
        if (Find(from, step) is not { } found) return Result<LifecycleStep<TState>>.Fail(new DomainError(NotAllowedKey(step)));
        if (!found.Actors.Overlaps(actors)) return Result<LifecycleStep<TState>>.Fail(new DomainError(NotYourStep));
        if (found.ReasonRequired && string.IsNullOrWhiteSpace(reason)) return Result<LifecycleStep<TState>>.Fail(new DomainError(ReasonRequired));
        return Result<LifecycleStep<TState>>.Ok(found);
    }

    public Result<LifecycleStep<TState>> Check(TState from, string step, Actor actor, string? reason) =>
        Check(from, step, new HashSet<Actor> { actor }, reason);

    public string StateKey(TState state) => $"{Name}.State.{state}";
    public string OutsideStateKey(TState state) => $"{Name}.State.{state}.Outside";
    public string StepKey(string step) => $"{Name}.Step.{step}";
    public string NotAllowedKey(string step) => $"{Name}.Step.{step}.NotAllowed";

    /// <summary>Every resource key this table needs, for the test that checks both languages have them.</summary>
    public IEnumerable<string> ResourceKeys() =>
        States.SelectMany(s => new[] { StateKey(s), OutsideStateKey(s) })
            .Concat(StepNames.SelectMany(s => new[] { StepKey(s), NotAllowedKey(s) }))
            .Concat([NotYourStep, ReasonRequired, UnknownStep]);
}

/// <summary>Shorthand for declaring steps in a table.</summary>
public static class Step
{
    public static LifecycleStep<TState> Of<TState>(string name, TState from, TState to, Actor actor, bool reasonRequired = false)
        where TState : struct, Enum => new(name, from, to, new HashSet<Actor> { actor }, reasonRequired);

    public static LifecycleStep<TState> Of<TState>(string name, TState from, TState to, IEnumerable<Actor> actors, bool reasonRequired = false)
        where TState : struct, Enum => new(name, from, to, actors.ToHashSet(), reasonRequired);
}
