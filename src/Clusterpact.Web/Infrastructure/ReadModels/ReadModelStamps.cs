using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clusterpact.Web.Infrastructure.ReadModels;

/// <summary>
/// Gives the changed areas a new stamp in the transaction of the change itself, so a stamp never says "changed" before
/// the change is visible, nor is the change visible under the old stamp once committed (decision 0020). The stamp is a
/// fresh random 64-bit number rather than a counter: the change tracker cannot write "version + 1", and two writers
/// that meet each leave a value no reader has seen (row locks order them; the last one stays).
/// </summary>
public static class ReadModelStamps
{
    public const string Table = "read_model_versions";

    private static long Fresh()
    {
        long value;
        do value = Random.Shared.NextInt64(); while (value == 0);
        return value;
    }

    /// <summary>Through the change tracker: the next SaveChanges of <paramref name="db"/> writes the new stamps with its changes.</summary>
    public static void Touch(ClusterpactDbContext db, IEnumerable<ReadModelArea> areas)
    {
        foreach (var area in areas.Distinct().Order())
        {
            var entry = db.ChangeTracker.Entries<ReadModelVersion>().FirstOrDefault(e => e.Entity.Area == area)
                ?? db.Attach(new ReadModelVersion { Area = area });
            entry.Entity.Version = Fresh();
            entry.State = EntityState.Modified;
        }
    }

    /// <summary>For a write that bypasses the change tracker (COPY and merge, a register load): in its own open transaction.</summary>
    public static async Task BumpAsync(DbConnection connection, DbTransaction transaction, IEnumerable<ReadModelArea> areas, CancellationToken ct)
    {
        foreach (var area in areas.Distinct().Order())
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"UPDATE {Table} SET \"Version\" = @version WHERE \"Area\" = @area";
            AddParameter(command, "@version", Fresh());
            AddParameter(command, "@area", area.ToString());
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}

/// <summary>Every SaveChanges stamps the areas of the records it adds, changes or deletes (<see cref="ReadModelAreas.Of"/>), seeding included.</summary>
public sealed class ReadModelStampInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is not ClusterpactDbContext db) return;
        db.ChangeTracker.DetectChanges();
        var areas = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not ReadModelVersion)
            .Select(e => ReadModelAreas.Of(e.Metadata.ClrType)).OfType<ReadModelArea>().ToHashSet();
        if (areas.Count > 0) ReadModelStamps.Touch(db, areas);
    }
}
