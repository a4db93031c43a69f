namespace Clusterpact.Web.Infrastructure.Nodes;

/// <summary>
/// The one way a queue table (outbox e-mails, webhook deliveries) is worked through by several nodes on PostgreSQL: each
/// row is claimed in a transaction of its own with <c>FOR UPDATE SKIP LOCKED</c> (the caller's query) and held until what
/// was done with it is saved, so no two dispatchers ever handle the same row, and a row one of them could not finish is
/// free again for the next. Rows tried in this round are skipped, so a failing one is not retried at once. The
/// transaction runs inside EF's retrying strategy; after a dropped connection the handler is called again for the same
/// row, so a handler that talks to the outside world must remember what it already handed over.
/// </summary>
public static class ClaimedRows
{
    /// <param name="claimNext">The next free row, locked: a raw query ending in <c>LIMIT 1 FOR UPDATE SKIP LOCKED</c> that
    /// leaves out the ids it is given.</param>
    /// <returns>How many rows <paramref name="handle"/> reported as done.</returns>
    public static async Task<int> HandleEachAsync<T>(ClusterpactDbContext db, int batchSize, Func<Guid[], IQueryable<T>> claimNext,
        Func<T, Guid> idOf, Func<T, Task<bool>> handle, CancellationToken ct) where T : class
    {
        var tried = new List<Guid>();
        var done = 0;
        while (tried.Count < batchSize)
        {
            var strategy = db.Database.CreateExecutionStrategy();
            var outcome = await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var row = await claimNext([.. tried]).SingleOrDefaultAsync(ct);
                if (row is null) return (Found: false, Done: false);
                var ok = await handle(row);
                tried.Add(idOf(row));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return (Found: true, Done: ok);
            });
            if (!outcome.Found) break;
            if (outcome.Done) done++;
        }
        return done;
    }
}
