using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Clusterpact.Web.Infrastructure.Audit;

/// <summary>
/// Gives every recorded fact (<see cref="IRecordedFact"/>) the moment it is saved: when it is added, and again when
/// the day it is about (<see cref="AboutDayAttribute"/>) is set or changed, so a stage reached today with an earlier day
/// is known from today. Loaded history (demo data) keeps no moment and counts as recorded on the day it is about.
/// </summary>
internal static class RecordedFacts
{
    private static readonly ConcurrentDictionary<Type, string[]> AboutDays = new();

    public static void Stamp(IEnumerable<EntityEntry> entries, DateTimeOffset now)
    {
        foreach (var e in entries)
        {
            if (e.Entity is not IRecordedFact fact) continue;
            if (e.State == EntityState.Added || e.State == EntityState.Modified && AboutDaysOf(e.Entity.GetType()).Any(p => e.Property(p).IsModified))
            {
                fact.Recorded(now);
                e.DetectChanges();
            }
        }
    }

    private static string[] AboutDaysOf(Type type) => AboutDays.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.IsDefined(typeof(AboutDayAttribute), false)).Select(p => p.Name).ToArray());
}
