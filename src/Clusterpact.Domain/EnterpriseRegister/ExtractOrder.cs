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

/// <summary>The last extract loaded (or being loaded): its number, kind and whether its load finished.</summary>
public sealed record LoadedExtract(int Number, ExtractType Type, bool Completed);

/// <summary>
/// The order in which extracts may be loaded. An update file holds the changes between two consecutive extracts
/// (Cookbook 1.5.2), so it applies only on top of the extract numbered one lower; a full extract replaces the register
/// and may follow any older one. A file loaded before is a no-op; one whose load was interrupted resumes.
/// </summary>
public static class ExtractOrder
{
    public static (ExtractDecision Decision, string? Reason) Decide(ExtractMeta incoming, LoadedExtract? last)
    {
        if (last is not null && !last.Completed)
        {
            if (last.Number == incoming.Number && last.Type == incoming.Type) return (ExtractDecision.Resume, null);
            // Another extract was interrupted half-way: its staged files are dropped and the register is as before it.
        }
        var done = last is { Completed: true } ? last : null;
        if (done is not null && done.Number == incoming.Number) return (ExtractDecision.AlreadyLoaded, null);
        if (incoming.Type == ExtractType.Full)
            return done is not null && incoming.Number < done.Number ? (ExtractDecision.Refused, "Register.OlderThanLoaded") : (ExtractDecision.Load, null);
        if (done is null) return (ExtractDecision.Refused, "Register.UpdateNeedsFull");
        if (incoming.Number < done.Number) return (ExtractDecision.Refused, "Register.OlderThanLoaded");
        if (incoming.Number > done.Number + 1) return (ExtractDecision.Refused, "Register.UpdateGap");
        return (ExtractDecision.Load, null);
    }
}
