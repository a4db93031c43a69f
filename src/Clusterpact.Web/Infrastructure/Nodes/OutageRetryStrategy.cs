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

    /// <summary>Whether <paramref name="exception"/> is retried, given what Npgsql would retry.</summary>
    public static bool Retries(Exception exception, Func<Exception, bool> npgsqlRetries) =>
        !DatabaseErrors.IsTimeout(exception) && npgsqlRetries(exception);
}
