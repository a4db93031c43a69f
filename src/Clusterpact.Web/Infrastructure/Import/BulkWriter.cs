using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Clusterpact.Web.Infrastructure.Import;

/// <summary>The kinds of value a bulk-written column holds, mapped to each provider's storage (docs/decisions/0002-sqlite-types.md).</summary>
public enum BulkType { Uuid, Text, Numeric, Date, Bool, Long, Int, Instant }

public sealed record BulkColumn(string Name, BulkType Type);

/// <summary>
/// One set of rows a bulk write adds to a table (<see cref="Insert"/>), or changes in it (<see cref="Update"/>: the key
/// columns first, then the columns set). A versioned update carries the record's new version and changes only a row whose
/// version is still the one before it: the write counts the rows it changed and fails when a record changed meanwhile.
/// </summary>
public sealed class BulkTarget
{
    private BulkTarget(string table, IReadOnlyList<BulkColumn> columns, int keyCount, bool versioned)
    {
        (Table, Columns, KeyCount, Versioned) = (table, columns, keyCount, versioned);
        Stage = $"stage_{table}_{(keyCount == 0 ? "new" : "changed")}";
    }

    public string Table { get; }
    public IReadOnlyList<BulkColumn> Columns { get; }

    /// <summary>0 for an insert; for an update, how many of the first columns are the key.</summary>
    public int KeyCount { get; }

    public bool Versioned { get; }
    public bool IsInsert => KeyCount == 0;

    /// <summary>The staging table of a change on PostgreSQL (temporary, dropped at commit); new rows are copied straight into <see cref="Table"/>.</summary>
    public string Stage { get; }

    public static BulkTarget Insert(string table, params BulkColumn[] columns) => new(table, columns, 0, false);

    /// <summary>Key columns, then the columns set; with <paramref name="versioned"/>, the last set column is "Version" (the new one).</summary>
    public static BulkTarget Update(string table, int keyCount, bool versioned, params BulkColumn[] columns)
    {
        if (versioned && columns[^1].Name != "Version") throw new ArgumentException("A versioned update sets Version last.", nameof(columns));
        return new(table, columns, keyCount, versioned);
    }
}

/// <summary>
/// Writes many rows in the open transaction without the change tracker. PostgreSQL: rows are buffered per target and, at
/// each <see cref="FlushAsync"/>, streamed with binary COPY: new rows straight into their table, changes into temporary
/// staging tables that <see cref="MergeAsync"/> applies with one UPDATE ... FROM per target. SQLite: each row runs through
/// a prepared INSERT or UPDATE at once, bound by position on SQLite's own statement (in the one transaction; SQLite has no
/// COPY and its statements do not cross a network).
/// </summary>
public sealed class BulkWriter : IAsyncDisposable
{
    private static readonly ValueConverter<DateTimeOffset, long> InstantOnSqlite = new DateTimeOffsetToBinaryConverter();

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly bool _postgres;
    private readonly IReadOnlyList<BulkTarget> _targets;
    private readonly Dictionary<BulkTarget, List<object?[]>> _buffered = [];
    private readonly Dictionary<BulkTarget, SqliteStatement> _prepared = [];
    private readonly Dictionary<BulkTarget, int> _changed = [];
    private readonly IReadOnlySet<ReadModels.ReadModelArea> _areas;
    private long? _sqliteCacheSize;

    private BulkWriter(DbConnection connection, DbTransaction transaction, bool postgres, IReadOnlyList<BulkTarget> targets, IReadOnlySet<ReadModels.ReadModelArea> areas)
    {
        (_connection, _transaction, _postgres, _targets, _areas) = (connection, transaction, postgres, targets, areas);
        foreach (var t in targets) { _buffered[t] = []; _changed[t] = 0; }
    }

    /// <summary>Starts a bulk write in the context's open transaction (PostgreSQL: creates the staging tables of the changes).</summary>
    public static async Task<BulkWriter> BeginAsync(ClusterpactDbContext db, IReadOnlyList<BulkTarget> targets, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("A bulk write runs in a transaction.");
        var writer = new BulkWriter(db.Database.GetDbConnection(), transaction, db.Database.IsNpgsql(), targets,
            ReadModels.ReadModelAreas.OfTables(db.Model, targets.Select(t => t.Table)));
        if (writer._postgres)
            foreach (var t in targets.Where(t => !t.IsInsert))
                await writer.ExecuteAsync($"CREATE TEMPORARY TABLE {t.Stage} ({string.Join(", ", t.Columns.Select(c => $"{Quote(c.Name)} {PostgresType(c.Type)}"))}) ON COMMIT DROP", ct);
        else
        {
            // SQLite's default page cache (2 MB) makes a large write read its own index pages back through the kernel
            // again and again; for the write it may hold 64 MB (given back at the end).
            await using (var read = writer.Command("PRAGMA cache_size")) writer._sqliteCacheSize = Convert.ToInt64(await read.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            await writer.ExecuteAsync("PRAGMA cache_size = -65536", ct);
            foreach (var t in targets)
                writer._prepared[t] = new SqliteStatement(((SqliteConnection)writer._connection).Handle!, SqliteSql(t), t.Columns);
        }
        return writer;
    }

    /// <summary>Adds one row (values in the target's column order, as the domain holds them).</summary>
    public void Add(BulkTarget target, params object?[] values)
    {
        if (values.Length != target.Columns.Count) throw new ArgumentException($"{target.Table}: {values.Length} values for {target.Columns.Count} columns.", nameof(values));
        if (_postgres) { _buffered[target].Add(values); return; }
        var rows = _prepared[target].Execute(values);
        if (target.Versioned && rows != 1) throw new Jobs.JobFailedException("Import.ChangedMeanwhile");
        _changed[target] += rows;
    }

    /// <summary>PostgreSQL: streams the buffered rows into their tables and the staging tables (between two flushes the connection is free for queries).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (!_postgres) return;
        var connection = (NpgsqlConnection)_connection;
        foreach (var t in _targets)
        {
            var rows = _buffered[t];
            if (rows.Count == 0) continue;
            var table = t.IsInsert ? Quote(t.Table) : t.Stage;
            await using (var copy = await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", t.Columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var row in rows)
                {
                    copy.StartRow();
                    for (var i = 0; i < row.Length; i++) WritePostgres(copy, row[i], t.Columns[i].Type);
                }
                var copied = await copy.CompleteAsync(ct);
                if (t.IsInsert) _changed[t] += (int)copied;
            }
            rows.Clear();
        }
    }

    /// <summary>
    /// Writes what is staged into the tables: one statement per changed target (PostgreSQL). Returns the rows written per target.
    /// The written tables' data areas get new stamps in the same transaction (decision 0020): the change tracker never saw these rows.
    /// </summary>
    public async Task<IReadOnlyDictionary<BulkTarget, int>> MergeAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        await ReadModels.ReadModelStamps.BumpAsync(_connection, _transaction, _areas, ct);
        if (!_postgres) return _changed;
        foreach (var t in _targets.Where(t => !t.IsInsert))
        {
            var columns = t.Columns.Select(c => Quote(c.Name)).ToList();
            var keys = columns.Take(t.KeyCount).Select(k => $"t.{k} = s.{k}");
            if (t.Versioned) keys = keys.Append("t.\"Version\" = s.\"Version\" - 1");
            var sql = $"UPDATE {Quote(t.Table)} AS t SET {string.Join(", ", columns.Skip(t.KeyCount).Select(c => $"{c} = s.{c}"))} FROM {t.Stage} AS s WHERE {string.Join(" AND ", keys)}";
            var changed = await ExecuteAsync(sql, ct);
            if (t.Versioned && changed != await CountStagedAsync(t, ct)) throw new Jobs.JobFailedException("Import.ChangedMeanwhile");
            _changed[t] = changed;
        }
        return _changed;
    }

    private async Task<long> CountStagedAsync(BulkTarget t, CancellationToken ct)
    {
        await using var command = Command($"SELECT count(*) FROM {t.Stage}");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private DbCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }

    private static string SqliteSql(BulkTarget t)
    {
        var columns = t.Columns.Select(c => Quote(c.Name)).ToList();
        var parameters = Enumerable.Range(1, columns.Count).Select(i => $"?{i}").ToList();
        if (t.IsInsert) return $"INSERT INTO {Quote(t.Table)} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", parameters)})";
        var keys = Enumerable.Range(0, t.KeyCount).Select(i => $"{columns[i]} = {parameters[i]}");
        if (t.Versioned) keys = keys.Append($"\"Version\" = {parameters[^1]} - 1");
        return $"UPDATE {Quote(t.Table)} SET {string.Join(", ", Enumerable.Range(t.KeyCount, columns.Count - t.KeyCount).Select(i => $"{columns[i]} = {parameters[i]}"))} WHERE {string.Join(" AND ", keys)}";
    }

    private static string Quote(string name) => $"\"{name}\"";

    private static string PostgresType(BulkType type) => type switch
    {
        BulkType.Uuid => "uuid", BulkType.Text => "text", BulkType.Numeric => "numeric", BulkType.Date => "date",
        BulkType.Bool => "boolean", BulkType.Long => "bigint", BulkType.Int => "integer", _ => "timestamp with time zone",
    };

    private static void WritePostgres(NpgsqlBinaryImporter copy, object? value, BulkType type)
    {
        switch (value)
        {
            case null: copy.WriteNull(); break;
            case Guid g: copy.Write(g, NpgsqlDbType.Uuid); break;
            case string s: copy.Write(s, NpgsqlDbType.Text); break;
            case decimal m: copy.Write(m, NpgsqlDbType.Numeric); break;
            case DateOnly d: copy.Write(d, NpgsqlDbType.Date); break;
            case bool b: copy.Write(b, NpgsqlDbType.Boolean); break;
            case long l: copy.Write(l, NpgsqlDbType.Bigint); break;
            case int i: copy.Write(i, NpgsqlDbType.Integer); break;
            case DateTimeOffset t: copy.Write(t.ToUniversalTime(), NpgsqlDbType.TimestampTz); break;
            case Enum e: copy.Write(e.ToString(), NpgsqlDbType.Text); break;
            default: throw new ArgumentException($"No {type} value: {value.GetType().Name}.", nameof(value));
        }
    }

    /// <summary>
    /// One prepared statement on SQLite's own handle, its values bound by position as the SQLite context stores them: ids
    /// as upper-case text, dates as yyyy-MM-dd, money as REAL, instants as ticks (Microsoft.Data.Sqlite would look every
    /// parameter up by name on every row).
    /// </summary>
    private sealed class SqliteStatement : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;
        private readonly IReadOnlyList<BulkColumn> _columns;

        public SqliteStatement(sqlite3 db, string sql, IReadOnlyList<BulkColumn> columns)
        {
            (_db, _columns) = (db, columns);
            SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out _statement), db);
        }

        /// <summary>Runs the statement with one row's values; the rows it changed.</summary>
        public int Execute(object?[] values)
        {
            for (var i = 0; i < values.Length; i++) Bind(i + 1, values[i], _columns[i].Type);
            var rc = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
            return raw.sqlite3_changes(_db);
        }

        private void Bind(int index, object? value, BulkType type)
        {
            Span<char> text = stackalloc char[36];
            switch (value)
            {
                case null: raw.sqlite3_bind_null(_statement, index); break;
                case string s: raw.sqlite3_bind_text16(_statement, index, s.AsSpan()); break;
                case Guid g:
                    g.TryFormat(text, out var written);
                    System.Text.Ascii.ToUpperInPlace(text[..written], out _);
                    raw.sqlite3_bind_text16(_statement, index, text[..written]);
                    break;
                case decimal m: raw.sqlite3_bind_double(_statement, index, (double)m); break;
                case DateOnly d:
                    d.TryFormat(text, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    raw.sqlite3_bind_text16(_statement, index, text[..length]);
                    break;
                case bool b: raw.sqlite3_bind_int64(_statement, index, b ? 1L : 0L); break;
                case long l: raw.sqlite3_bind_int64(_statement, index, l); break;
                case int n: raw.sqlite3_bind_int64(_statement, index, n); break;
                case DateTimeOffset t: raw.sqlite3_bind_int64(_statement, index, (long)InstantOnSqlite.ConvertToProvider(t)!); break;
                case Enum e: raw.sqlite3_bind_text(_statement, index, e.ToString()); break;
                default: throw new ArgumentException($"No {type} value: {value.GetType().Name}.", nameof(value));
            }
        }

        public void Dispose() => _statement.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in _prepared.Values) statement.Dispose();
        _prepared.Clear();
        if (_sqliteCacheSize is { } size && _connection.State == System.Data.ConnectionState.Open)
        {
            await using var restore = _connection.CreateCommand();
            restore.CommandText = $"PRAGMA cache_size = {size.ToString(CultureInfo.InvariantCulture)}";
            await restore.ExecuteNonQueryAsync();
        }
    }
}
