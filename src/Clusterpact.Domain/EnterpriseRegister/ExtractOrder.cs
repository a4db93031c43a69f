namespace Clusterpact.Domain.EnterpriseRegister;

/// <summary>What to do with an extract, given the last one loaded.</summary>
public enum ExtractDecision
{
    /// <summary>Load it from the start.</summary>
    Load,

    /// <summary>Its load was interrupted: go on from the files already staged.</summary>
    Resume,

    /// <summary>It is loaded already: nothing to do.</summary>
    AlreadyLoaded,

    Refused,
}

/// <summary>An extract loaded before: its number and kind.</summary>
public sealed record LoadedExtract(int Number, ExtractType Type);

/// <summary>
/// The order in which extracts may be loaded. An update file holds the changes between two consecutive extracts
/// (Cookbook 1.5.2), so it applies only on top of the extract numbered one lower; a full extract replaces the register
/// and may follow any older one. A file loaded before is a no-op; one whose load was interrupted resumes.
/// </summary>
public static class ExtractOrder
{
    /// <param name="lastCompleted">The last extract whose load finished, if any.</param>
    /// <param name="interrupted">An extract whose load started and did not finish (the register is as before it), if any.</param>
    public static (ExtractDecision Decision, string? Reason) Decide(ExtractMeta incoming, LoadedExtract? lastCompleted, LoadedExtract? interrupted = null)
    {
        if (interrupted is not null && interrupted.Number == incoming.Number && interrupted.Type == incoming.Type) return (ExtractDecision.Resume, null);
        var done = lastCompleted;
        if (done is not null && done.Number == incoming.Number) return (ExtractDecision.AlreadyLoaded, null);
        if (incoming.Type == ExtractType.Full)
            return done is not null && incoming.Number < done.Number ? (ExtractDecision.Refused, "Register.OlderThanLoaded") : (ExtractDecision.Load, null);
        if (done is null) return (ExtractDecision.Refused, "Register.UpdateNeedsFull");
        if (incoming.Number < done.Number) return (ExtractDecision.Refused, "Register.OlderThanLoaded");
        if (incoming.Number > done.Number + 1) return (ExtractDecision.Refused, "Register.UpdateGap");
        return (ExtractDecision.Load, null);
    }
}
