namespace Clusterpact.Domain.Common;

/// <summary>
/// A fact that keeps the moment it was recorded beside the day it is about (an evaluation planned, a stage reached on
/// a day, a pact version adopted on a day), so that "as it stood on a day" means as recorded on that day: a stage
/// entered today with last year's date does not change what was known last year. The moment is set when the fact is
/// saved, from the clock, never typed. It is empty for facts recorded before moments were kept and for loaded history
/// (demo data): those count as recorded on the day they are about.
/// </summary>
public interface IRecordedFact
{
    DateTimeOffset? RecordedAt { get; }

    /// <summary>Called by whatever saves the fact, with the clock's moment.</summary>
    void Recorded(DateTimeOffset at);
}

/// <summary>The day a recorded fact is about: setting or changing it records the fact anew (a new moment).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class AboutDayAttribute : Attribute;
