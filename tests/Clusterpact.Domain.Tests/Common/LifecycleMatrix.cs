namespace Clusterpact.Domain.Tests.Common;

/// <summary>One expected step of a lifecycle, written out in a test: where it leads and who takes it.</summary>
internal sealed record ExpectedStep<TState>(TState To, params Actor[] Who) where TState : struct, Enum;

/// <summary>
/// Walks a lifecycle against the table a test writes out by hand (not read from the product), so a wrong table fails:
/// every (state, step, actor) either moves the record where the test expects or is refused with the table's reason.
/// </summary>
internal static class LifecycleMatrix
{
    public static TheoryData<TState, string, Actor> EveryStateStepAndActor<TState>(IEnumerable<string> steps) where TState : struct, Enum
    {
        var data = new TheoryData<TState, string, Actor>();
        foreach (var state in Enum.GetValues<TState>())
            foreach (var step in steps)
                foreach (var actor in Enum.GetValues<Actor>())
                    data.Add(state, step, actor);
        return data;
    }

    /// <summary>The outcome of one attempt: taken to the expected state, or refused (wrong state before wrong person) and the record unchanged.</summary>
    public static void Verify<TState>(string name, IReadOnlyDictionary<(TState From, string Step), ExpectedStep<TState>> expected,
        TState from, string step, Actor actor, Result result, TState after) where TState : struct, Enum
    {
        if (expected.TryGetValue((from, step), out var e) && e.Who.Contains(actor))
        {
            Assert.True(result.IsSuccess, result.Error?.Code);
            Assert.Equal(e.To, after);
            return;
        }
        Assert.False(result.IsSuccess);
        Assert.Equal(expected.ContainsKey((from, step)) ? Lifecycle<TState>.NotYourStep : $"{name}.Step.{step}.NotAllowed", result.Error!.Code);
        Assert.Equal(from, after);
    }

    /// <summary>The product's table holds exactly the expected steps, with the expected actors, and reasons only where expected.</summary>
    public static void SameTable<TState>(Lifecycle<TState> table, string name, IReadOnlyDictionary<(TState From, string Step), ExpectedStep<TState>> expected,
        params string[] reasonRequired) where TState : struct, Enum
    {
        Assert.Equal(name, table.Name);
        Assert.Equal(expected.Count, table.Steps.Count);
        foreach (var s in table.Steps)
        {
            var e = expected[(s.From, s.Name)];
            Assert.Equal(e.To, s.To);
            Assert.Equal(e.Who.Order(), s.Actors.Order());
        }
        Assert.Equal(reasonRequired.Order(), table.Steps.Where(s => s.ReasonRequired).Select(s => s.Name).Distinct().Order());
    }
}
