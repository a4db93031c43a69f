using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Clusterpact.Web.Infrastructure.Nodes;

/// <summary>
/// Retries a unit of work when PostgreSQL was unreachable or restarting (a dropped connection, a fail-over), a second or
/// two apart, but never a statement that timed out (<see cref="DatabaseErrors.IsTimeout"/>): that would only run it again.
/// </summary>
public sealed class OutageRetryStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount, maxRetryDelay, null)
{
    protected override bool ShouldRetryOn(Exception? exception) => exception is not null && Retries(exception, e => base.ShouldRetryOn(e));

    /// <summary>Set by <see cref="StreamedReads.StreamedAsync{T}"/>: the operation is retried as a whole, its queries need not be.</summary>
    internal bool Whole { get; set; }

    /// <summary>
    /// EF Core buffers every row of a query in memory before it hands over the first while the running strategy retries
    /// on failure (<c>ExecutionStrategy.Current.RetriesOnFailure</c>), so that it could run the query again. An operation
    /// run as a whole (<see cref="Whole"/>) is retried from its start instead: its queries stream.
    /// </summary>
    public override bool RetriesOnFailure => !Whole && base.RetriesOnFailure;

    /// <summary>Whether <paramref name="exception"/> is retried, given what Npgsql would retry.</summary>
    public static bool Retries(Exception exception, Func<Exception, bool> npgsqlRetries) =>
        !DatabaseErrors.IsTimeout(exception) && npgsqlRetries(exception);
}

/// <summary>
/// Reads that stream many rows (decision 0020, "The fifth round"): with the retrying strategy of PostgreSQL, EF Core
/// buffered each query's rows before the first was handed over, so <c>AsAsyncEnumerable</c> held them all (at the EU size
/// the open data's 1,000,000 project and partner rows: Guid, decimal and object columns and a string per row, about
/// 400 MB of the computation's 1 GB peak).
/// </summary>
public static class StreamedReads
{
    /// <summary>
    /// Runs <paramref name="operation"/> under the context's execution strategy as a whole: after an outage it is run
    /// again from its start (so it must start from nothing: it builds its state inside), and its queries stream their rows.
    /// </summary>
    public static Task<T> StreamedAsync<T>(this DatabaseFacade database, Func<CancellationToken, Task<T>> operation, CancellationToken ct)
    {
        var strategy = database.CreateExecutionStrategy();
        if (strategy is OutageRetryStrategy outage) outage.Whole = true;
        return strategy.ExecuteAsync(operation, ct);
    }
}
