using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Clusterpact.Web.Infrastructure.EnterpriseRegister;

/// <summary>The kind of a staging column, mapped onto each provider's type.</summary>
public enum StageType { Text, Int, Bool, Date }

/// <summary>A staging table: what the loader keeps of one kind of CSV file, before the merge reads it.</summary>
public sealed record StageTable(string Name, params (string Column, StageType Type)[] Columns)
{
    public static readonly StageTable Enterprise = new("register_stage_enterprise", ("number", StageType.Text), ("is_natural", StageType.Bool), ("legal_form", StageType.Text), ("start_date", StageType.Date));
    public static readonly StageTable Name_ = new("register_stage_name", ("number", StageType.Text), ("rank", StageType.Int), ("name", StageType.Text));
    public static readonly StageTable Address = new("register_stage_address", ("number", StageType.Text), ("struck", StageType.Int), ("postal_code", StageType.Text), ("municipality", StageType.Text));
    public static readonly StageTable Activity = new("register_stage_activity", ("number", StageType.Text), ("rank", StageType.Int), ("grp", StageType.Text), ("code", StageType.Text), ("version", StageType.Text));
    public static readonly StageTable Delete = new("register_stage_delete", ("number", StageType.Text), ("file", StageType.Text));
    public static readonly StageTable Code = new("register_stage_code", ("category", StageType.Text), ("code", StageType.Text), ("language", StageType.Text), ("description", StageType.Text));

    public static readonly IReadOnlyList<StageTable> All = [Enterprise, Name_, Address, Activity, Delete, Code];
}

/// <summary>Rows going into one staging table, inside the caller's transaction.</summary>
public interface IStageSink : IAsyncDisposable
{
    ValueTask AddAsync(object?[] row, CancellationToken ct);

    Task CompleteAsync(CancellationToken ct);
}

/// <summary>
/// The staging tables of the loader, outside the EF model: they hold one load's rows between its files and its merge and
/// are emptied afterwards. PostgreSQL fills them by binary COPY into UNLOGGED tables; SQLite by one prepared INSERT,
/// reused for every row, in the file's transaction.
/// </summary>
public static class RegisterStaging
{
    public static async Task CreateAsync(DbConnection connection, bool postgres, CancellationToken ct)
    {
        foreach (var table in StageTable.All)
        {
            var columns = string.Join(", ", table.Columns.Select(c => $"{c.Column} {TypeOf(c.Type, postgres)}"));
            await ExecuteAsync(connection, null, $"CREATE {(postgres ? "UNLOGGED " : "")}TABLE IF NOT EXISTS {table.Name} ({columns})", ct);
        }
    }

    public static async Task ClearAsync(DbConnection connection, DbTransaction? tx, bool postgres, CancellationToken ct)
    {
        foreach (var table in StageTable.All)
            await ExecuteAsync(connection, tx, postgres ? $"TRUNCATE {table.Name}" : $"DELETE FROM {table.Name}", ct);
    }

    public static IStageSink Open(DbConnection connection, DbTransaction tx, StageTable table, bool postgres) =>
        postgres ? new CopySink((NpgsqlConnection)connection, table) : new InsertSink(connection, tx, table);

    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string TypeOf(StageType type, bool postgres) => (type, postgres) switch
    {
        (StageType.Int, true) => "integer",
        (StageType.Bool, true) => "boolean",
        (StageType.Date, true) => "date",
        (StageType.Text, true) => "text",
        (StageType.Int or StageType.Bool, false) => "INTEGER",
        _ => "TEXT",
    };

    private sealed class CopySink(NpgsqlConnection connection, StageTable table) : IStageSink
    {
        private NpgsqlBinaryImporter? _writer;

        // Synchronous writes: a row is a few fields in COPY's buffer, and an await per field cost a third of the load's time.
        public async ValueTask AddAsync(object?[] row, CancellationToken ct)
        {
            _writer ??= await connection.BeginBinaryImportAsync($"COPY {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Column))}) FROM STDIN (FORMAT BINARY)", ct);
            _writer.StartRow();
            for (var i = 0; i < row.Length; i++)
            {
                switch (row[i])
                {
                    case null: _writer.WriteNull(); break;
                    case string s: _writer.Write(s, NpgsqlDbType.Text); break;
                    case int n: _writer.Write(n, NpgsqlDbType.Integer); break;
                    case bool b: _writer.Write(b, NpgsqlDbType.Boolean); break;
                    case DateOnly d: _writer.Write(d, NpgsqlDbType.Date); break;
                    default: throw new ArgumentException($"No COPY type for {row[i]!.GetType()}");
                }
            }
        }

        public async Task CompleteAsync(CancellationToken ct)
        {
            if (_writer is null) return;
            await _writer.CompleteAsync(ct);
            await _writer.DisposeAsync();
            _writer = null;
        }

        public async ValueTask DisposeAsync()
        {
            if (_writer is not null) await _writer.DisposeAsync();
        }
    }

    private sealed class InsertSink : IStageSink
    {
        private readonly DbCommand _cmd;
        private bool _prepared;

        public InsertSink(DbConnection connection, DbTransaction tx, StageTable table)
        {
            _cmd = connection.CreateCommand();
            _cmd.Transaction = tx;
            _cmd.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Column))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))})";
            for (var i = 0; i < table.Columns.Length; i++)
            {
                var p = _cmd.CreateParameter();
                p.ParameterName = "@p" + i;
                _cmd.Parameters.Add(p);
            }
        }

        public ValueTask AddAsync(object?[] row, CancellationToken ct)
        {
            if (!_prepared) { _cmd.Prepare(); _prepared = true; }
            for (var i = 0; i < row.Length; i++)
                _cmd.Parameters[i].Value = row[i] switch
                {
                    null => DBNull.Value,
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    bool b => b ? 1 : 0,
                    var v => v,
                };
            _cmd.ExecuteNonQuery(); // SQLite has no asynchronous I/O: the async form only adds a task per row
            return ValueTask.CompletedTask;
        }

        public Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

        public ValueTask DisposeAsync() => _cmd.DisposeAsync();
    }
}
