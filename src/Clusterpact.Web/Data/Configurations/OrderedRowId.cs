using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace Clusterpact.Web.Data.Configurations;

/// <summary>
/// Row ids for owned lists whose order matters (criteria, documents, members, year plans, scores, history). EF loads
/// an owned collection ordered by its key, so ids that sort in the order they were made, as text (SQLite) and as
/// uuid (PostgreSQL), bring a list back in the order it was written. Time first, then a counter for rows made in the
/// same tick.
/// </summary>
public sealed class OrderedRowId : ValueGenerator<Guid>
{
    private static long _last;

    public override bool GeneratesTemporaryValues => false;

    public override Guid Next(EntityEntry entry) => NextId();

    public static Guid NextId()
    {
        long value, previous;
        do
        {
            previous = Interlocked.Read(ref _last);
            value = Math.Max(TimeProvider.System.GetUtcNow().UtcTicks, previous + 1); // the machine's ticks, not the business clock: only the order of writing matters
        }
        while (Interlocked.CompareExchange(ref _last, value, previous) != previous);
        // 16 hex digits of the value, then 16 random ones: the leading digits decide the order in both stores.
        return Guid.Parse(value.ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..16]);
    }
}
