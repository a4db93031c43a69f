using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>
/// The SQL the app's DbContext sends for reading, kept only while a test records: how a test sees which queries a
/// request path runs (issue 18: no request path reads a whole large table). Added to the app's DbContext options by
/// <see cref="ClusterpactApp"/> next to the product's own interceptors.
/// </summary>
public sealed class SqlCommandLog : DbCommandInterceptor
{
    private readonly List<string> _commands = [];
    private readonly List<(string Sql, int Rows)> _reads = [];
    private readonly List<DbContext?> _contexts = [];
    private readonly List<string> _buffered = [];
    private bool _recording;

    /// <summary>Records the commands until the returned scope is disposed; what was recorded before is dropped.</summary>
    public IDisposable Record()
    {
        lock (_commands) { _commands.Clear(); _reads.Clear(); _contexts.Clear(); _buffered.Clear(); _recording = true; }
        return new Stop(this);
    }

    public IReadOnlyList<string> Commands { get { lock (_commands) return _commands.ToList(); } }

    /// <summary>The commands one DbContext sent (a request's scope), without those of the jobs that run meanwhile.</summary>
    public IReadOnlyList<string> CommandsOf(DbContext context) { lock (_commands) return _commands.Where((_, i) => _contexts[i] == context).ToList(); }

    /// <summary>Each query's text with the number of rows the app read from it: a check that a page reads only what it shows.</summary>
    public IReadOnlyList<(string Sql, int Rows)> Reads { get { lock (_commands) return _reads.ToList(); } }

    /// <summary>
    /// The queries whose rows EF Core read whole into memory before it handed over the first: those run while the running
    /// execution strategy retries on failure (EF Core's own condition: <c>ExecutionStrategy.Current?.RetriesOnFailure</c>,
    /// else the context's strategy), as PostgreSQL's does unless the read runs as a whole (<c>StreamedReads</c>).
    /// </summary>
    public IReadOnlyList<string> Buffered { get { lock (_commands) return _buffered.ToList(); } }

    private void AddReader(DbCommand command, CommandEventData data)
    {
        Add(command, data);
        var buffered = ExecutionStrategy.Current?.RetriesOnFailure ?? data.Context?.Database.CreateExecutionStrategy().RetriesOnFailure ?? false;
        lock (_commands) if (_recording && buffered) _buffered.Add(command.CommandText);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        lock (_commands) if (_recording) _reads.Add((command.CommandText, eventData.ReadCount));
        return result;
    }

    private void Add(DbCommand command, CommandEventData data)
    {
        lock (_commands) if (_recording) { _commands.Add(command.CommandText); _contexts.Add(data.Context); }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        AddReader(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        AddReader(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Add(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData);
        return ValueTask.FromResult(result);
    }

    private sealed class Stop(SqlCommandLog log) : IDisposable
    {
        public void Dispose() { lock (log._commands) log._recording = false; }
    }
}
