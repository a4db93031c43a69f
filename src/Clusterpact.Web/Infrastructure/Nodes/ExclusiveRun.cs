using System.Security.Cryptography;
using System.Text;

namespace Clusterpact.Web.Infrastructure.Nodes;

/// <summary>
/// Runs a piece of scheduled work (a reminder run) once at a time across every node and every scope (decision 0018): one
/// transaction that first takes the installation-wide lock named <c>name</c> and commits what the work wrote, which
/// releases it. PostgreSQL: a transaction-scoped advisory lock (<c>pg_advisory_xact_lock</c>), so a node that dies
/// mid-run releases it with its connection. SQLite: the transaction begins IMMEDIATE, which takes the database's write
/// lock. A second run waits for the first and then sees what it queued, so together with each e-mail's idempotency key
/// (the outbox's unique DedupKey) it adds nothing twice and fails on nothing.
/// </summary>
public static class ExclusiveRun
{
    public static Task<T> RunAsync<T>(ClusterpactDbContext db, string name, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async () =>
        {
            using var activity = Telemetry.ClusterpactTelemetry.Source.StartActivity($"run {name}");
            // A retry after a dropped connection starts again from nothing: the failed try committed nothing.
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(name)})", ct);
            var result = await work(ct);
            await tx.CommitAsync(ct);
            return result;
        });
    }

    /// <summary>The advisory lock's 64-bit key: the same for a name on every node and in every version.</summary>
    public static long LockKey(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("clusterpact:" + name)), 0);
}
