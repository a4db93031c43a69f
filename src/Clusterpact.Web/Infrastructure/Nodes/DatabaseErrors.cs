using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Clusterpact.Web.Infrastructure.Nodes;

/// <summary>What a database exception means, the same way on both providers.</summary>
public static class DatabaseErrors
{
    /// <summary>A unique index refused the row: another node (or request) wrote the same thing first.</summary>
    public static bool IsUniqueViolation(Exception ex) => Inner(ex).Any(e =>
        e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || e is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 });

    /// <summary>
    /// The database cannot be reached or is restarting (connection refused or broken, server shutting down, retries
    /// used up): the request gets a 503 page and may be tried again, it is not a bug.
    /// </summary>
    public static bool IsUnavailable(Exception ex) => Inner(ex).Any(e => e switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections
            || pg.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException npg => npg.IsTransient,
        SocketException or TimeoutException => true,
        SqliteException { SqliteErrorCode: 5 or 6 } => true, // busy, locked
        RetryLimitExceededException => true,
        _ => false,
    });

    /// <summary>
    /// A statement ran longer than its command timeout. Npgsql counts this as transient, but running it again only
    /// repeats the wait and the database's work: EF's default four retries turned one 30-second timeout into 159 s.
    /// </summary>
    public static bool IsTimeout(Exception ex) => Inner(ex).Any(e =>
        e is NpgsqlException { InnerException: TimeoutException } or PostgresException { SqlState: PostgresErrorCodes.QueryCanceled });

    private static IEnumerable<Exception> Inner(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            yield return ex;
            if (ex is AggregateException agg)
                foreach (var inner in agg.InnerExceptions.SelectMany(Inner)) yield return inner;
        }
    }
}
