using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
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
/// Writes many rows in the open transaction without the change tracker. A row is given value by value in its target's
/// column order (<see cref="Row"/>: <c>bulk.Row(target).Uuid(id).Text(name)....End()</c>), typed, so nothing is boxed and
/// no array is made per row. PostgreSQL: each value is encoded at once into the target's buffer in COPY's binary format
/// and, at each <see cref="FlushAsync"/>, the buffer is streamed with binary COPY: new rows straight into their table,
/// changes into temporary staging tables that <see cref="MergeAsync"/> applies with one UPDATE ... FROM per target.
/// SQLite: each value is bound by position on SQLite's own prepared statement and the row runs at <see cref="BulkRow.End"/>
/// (in the one transaction; SQLite has no COPY and its statements do not cross a network).
/// </summary>
public sealed class BulkWriter : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly bool _postgres;
    private readonly IReadOnlyList<BulkTarget> _targets;
    private readonly Dictionary<BulkTarget, BulkTable> _tables = [];
    private readonly Dictionary<BulkTarget, int> _changed = [];
    private readonly IReadOnlySet<ReadModels.ReadModelArea> _areas;
    private long? _sqliteCacheSize;

    private BulkWriter(DbConnection connection, DbTransaction transaction, bool postgres, IReadOnlyList<BulkTarget> targets, IReadOnlySet<ReadModels.ReadModelArea> areas)
    {
        (_connection, _transaction, _postgres, _targets, _areas) = (connection, transaction, postgres, targets, areas);
        foreach (var t in targets) _changed[t] = 0;
    }

    /// <summary>Starts a bulk write in the context's open transaction (PostgreSQL: creates the staging tables of the changes).</summary>
    public static async Task<BulkWriter> BeginAsync(ClusterpactDbContext db, IReadOnlyList<BulkTarget> targets, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("A bulk write runs in a transaction.");
        var writer = new BulkWriter(db.Database.GetDbConnection(), transaction, db.Database.IsNpgsql(), targets,
            ReadModels.ReadModelAreas.OfTables(db.Model, targets.Select(t => t.Table)));
        if (writer._postgres)
        {
            foreach (var t in targets.Where(t => !t.IsInsert))
                await writer.ExecuteAsync($"CREATE TEMPORARY TABLE {t.Stage} ({string.Join(", ", t.Columns.Select(c => $"{Quote(c.Name)} {PostgresType(c.Type)}"))}) ON COMMIT DROP", ct);
            foreach (var t in targets) writer._tables[t] = new PostgresTable(t);
        }
        else
        {
            // SQLite's default page cache (2 MB) makes a large write read its own index pages back through the kernel
            // again and again; for the write it may hold 64 MB (given back at the end).
            await using (var read = writer.Command("PRAGMA cache_size")) writer._sqliteCacheSize = Convert.ToInt64(await read.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            await writer.ExecuteAsync("PRAGMA cache_size = -65536", ct);
            foreach (var t in targets)
                writer._tables[t] = new SqliteTable(t, writer, ((SqliteConnection)writer._connection).Handle!, SqliteSql(t));
        }
        return writer;
    }

    /// <summary>Starts one row of <paramref name="target"/>: give its values in the target's column order, then <see cref="BulkRow.End"/>.</summary>
    public BulkRow Row(BulkTarget target)
    {
        var table = _tables[target];
        table.StartRow();
        return new BulkRow(table, 0);
    }

    /// <summary>PostgreSQL: streams the buffered rows into their tables and the staging tables (between two flushes the connection is free for queries).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (!_postgres) return;
        var connection = (NpgsqlConnection)_connection;
        foreach (var t in _targets)
        {
            var table = (PostgresTable)_tables[t];
            if (table.Rows == 0) continue;
            var name = t.IsInsert ? Quote(t.Table) : t.Stage;
            await using (var copy = await connection.BeginRawBinaryCopyAsync($"COPY {name} ({string.Join(", ", t.Columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct))
            {
                await copy.WriteAsync(CopyHeader, ct);
                await copy.WriteAsync(table.Written, ct);
                await copy.WriteAsync(CopyTrailer, ct);
            }
            if (t.IsInsert) _changed[t] += table.Rows;
            table.Clear();
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

    // COPY's binary format: the signature, no flags, no header extension; the trailer is a row of -1 fields.
    private static readonly byte[] CopyHeader = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] CopyTrailer = [0xFF, 0xFF];

    /// <summary>The rows of one target as they are given: encoded for COPY (PostgreSQL) or bound and run (SQLite).</summary>
    internal abstract class BulkTable(BulkTarget target)
    {
        public BulkTarget Target { get; } = target;

        /// <summary>The value at <paramref name="column"/> is of <paramref name="type"/> (a row given out of order fails at once, not in the database).</summary>
        public void Check(int column, BulkType type)
        {
            if (column >= Target.Columns.Count || Target.Columns[column].Type != type)
                throw new ArgumentException($"{Target.Table}: column {column + 1} is not {type}.");
        }

        public abstract void StartRow();
        public abstract void EndRow(int columns);
        public abstract void Null(int column);
        public abstract void Uuid(int column, Guid value);
        public abstract void Text(int column, ReadOnlySpan<char> value);
        public abstract void Utf8(int column, ReadOnlySpan<byte> value);
        public abstract void Numeric(int column, decimal value);
        public abstract void Date(int column, DateOnly value);
        public abstract void Bool(int column, bool value);
        public abstract void Long(int column, long value);
        public abstract void Int(int column, int value);
        public abstract void Instant(int column, DateTimeOffset value);

        protected void CheckCount(int columns)
        {
            if (columns != Target.Columns.Count) throw new ArgumentException($"{Target.Table}: {columns} values for {Target.Columns.Count} columns.");
        }
    }

    /// <summary>A target's rows in COPY's binary format (big-endian; days and microseconds from 2000-01-01), ready to stream.</summary>
    private sealed class PostgresTable(BulkTarget target) : BulkTable(target)
    {
        private static readonly int Epoch = new DateOnly(2000, 1, 1).DayNumber;
        private static readonly long EpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

        public int Rows { get; private set; }
        public ReadOnlyMemory<byte> Written => _buffer.WrittenMemory;

        public void Clear()
        {
            _buffer.ResetWrittenCount();
            Rows = 0;
        }

        public override void StartRow()
        {
            BinaryPrimitives.WriteInt16BigEndian(_buffer.GetSpan(2), (short)Target.Columns.Count);
            _buffer.Advance(2);
        }

        public override void EndRow(int columns)
        {
            CheckCount(columns);
            Rows++;
        }

        private Span<byte> Field(int length)
        {
            var span = _buffer.GetSpan(4 + length);
            BinaryPrimitives.WriteInt32BigEndian(span, length);
            _buffer.Advance(4 + length);
            return span.Slice(4, length);
        }

        public override void Null(int column)
        {
            BinaryPrimitives.WriteInt32BigEndian(_buffer.GetSpan(4), -1);
            _buffer.Advance(4);
        }

        public override void Uuid(int column, Guid value) => value.TryWriteBytes(Field(16), bigEndian: true, out _);

        public override void Text(int column, ReadOnlySpan<char> value)
        {
            var span = _buffer.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
            var length = Encoding.UTF8.GetBytes(value, span[4..]);
            BinaryPrimitives.WriteInt32BigEndian(span, length);
            _buffer.Advance(4 + length);
        }

        public override void Utf8(int column, ReadOnlySpan<byte> value) => value.CopyTo(Field(value.Length));

        public override void Numeric(int column, decimal value)
        {
            Span<short> digits = stackalloc short[NumericDigits.MaxGroups];
            var (count, weight, scale) = NumericDigits.Of(value, digits);
            var span = Field(8 + 2 * count);
            BinaryPrimitives.WriteInt16BigEndian(span, (short)count);
            BinaryPrimitives.WriteInt16BigEndian(span[2..], (short)weight);
            BinaryPrimitives.WriteUInt16BigEndian(span[4..], value < 0 ? (ushort)0x4000 : (ushort)0);
            BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)scale);
            for (var i = 0; i < count; i++) BinaryPrimitives.WriteInt16BigEndian(span[(8 + 2 * i)..], digits[i]);
        }

        public override void Date(int column, DateOnly value) => BinaryPrimitives.WriteInt32BigEndian(Field(4), value.DayNumber - Epoch);
        public override void Bool(int column, bool value) => Field(1)[0] = value ? (byte)1 : (byte)0;
        public override void Long(int column, long value) => BinaryPrimitives.WriteInt64BigEndian(Field(8), value);
        public override void Int(int column, int value) => BinaryPrimitives.WriteInt32BigEndian(Field(4), value);
        public override void Instant(int column, DateTimeOffset value) => BinaryPrimitives.WriteInt64BigEndian(Field(8), (value.UtcTicks - EpochTicks) / 10);
    }

    /// <summary>
    /// One prepared statement on SQLite's own handle, its values bound by position as the SQLite context stores them: ids
    /// as upper-case text, dates as yyyy-MM-dd, money as REAL, instants as ticks (Microsoft.Data.Sqlite would look every
    /// parameter up by name on every execution).
    /// </summary>
    private sealed class SqliteTable : BulkTable, IDisposable
    {
        private static readonly Func<DateTimeOffset, long> InstantOnSqlite = new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped;
        private readonly BulkWriter _writer;
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;

        public SqliteTable(BulkTarget target, BulkWriter writer, sqlite3 db, string sql) : base(target)
        {
            (_writer, _db) = (writer, db);
            SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out _statement), db);
        }

        public override void StartRow() { }

        public override void EndRow(int columns)
        {
            CheckCount(columns);
            var rc = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
            var rows = raw.sqlite3_changes(_db);
            if (Target.Versioned && rows != 1) throw new Jobs.JobFailedException("Import.ChangedMeanwhile");
            _writer._changed[Target] += rows;
        }

        public override void Null(int column) => raw.sqlite3_bind_null(_statement, column + 1);

        public override void Uuid(int column, Guid value)
        {
            Span<char> text = stackalloc char[36];
            value.TryFormat(text, out var written);
            Ascii.ToUpperInPlace(text[..written], out _);
            raw.sqlite3_bind_text16(_statement, column + 1, text[..written]);
        }

        public override void Text(int column, ReadOnlySpan<char> value) => raw.sqlite3_bind_text16(_statement, column + 1, value);
        public override void Utf8(int column, ReadOnlySpan<byte> value) => raw.sqlite3_bind_text(_statement, column + 1, value);
        public override void Numeric(int column, decimal value) => raw.sqlite3_bind_double(_statement, column + 1, (double)value);

        public override void Date(int column, DateOnly value)
        {
            Span<char> text = stackalloc char[10];
            value.TryFormat(text, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            raw.sqlite3_bind_text16(_statement, column + 1, text[..length]);
        }

        public override void Bool(int column, bool value) => raw.sqlite3_bind_int64(_statement, column + 1, value ? 1L : 0L);
        public override void Long(int column, long value) => raw.sqlite3_bind_int64(_statement, column + 1, value);
        public override void Int(int column, int value) => raw.sqlite3_bind_int64(_statement, column + 1, value);
        public override void Instant(int column, DateTimeOffset value) => raw.sqlite3_bind_int64(_statement, column + 1, InstantOnSqlite(value));

        public void Dispose() => _statement.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var table in _tables.Values.OfType<SqliteTable>()) table.Dispose();
        _tables.Clear();
        if (_sqliteCacheSize is { } size && _connection.State == System.Data.ConnectionState.Open)
        {
            await using var restore = _connection.CreateCommand();
            restore.CommandText = $"PRAGMA cache_size = {size.ToString(CultureInfo.InvariantCulture)}";
            await restore.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>
/// One row being given to a <see cref="BulkWriter"/>: each call is the next column's value, typed as the column is
/// (<see cref="BulkType"/>; a null is written as SQL NULL), and <see cref="End"/> closes the row.
/// </summary>
public readonly struct BulkRow
{
    private readonly BulkWriter.BulkTable _table;
    private readonly int _column;

    internal BulkRow(BulkWriter.BulkTable table, int column) => (_table, _column) = (table, column);

    private BulkRow Next() => new(_table, _column + 1);

    private BulkRow Checked(BulkType type)
    {
        _table.Check(_column, type);
        return this;
    }

    private BulkRow WriteNull(BulkType type)
    {
        _table.Check(_column, type);
        _table.Null(_column);
        return Next();
    }

    public BulkRow Uuid(Guid value) { Checked(BulkType.Uuid)._table.Uuid(_column, value); return Next(); }
    public BulkRow Uuid(Guid? value) => value is { } v ? Uuid(v) : WriteNull(BulkType.Uuid);
    public BulkRow Text(string? value) => value is null ? WriteNull(BulkType.Text) : Text(value.AsSpan());
    public BulkRow Text(ReadOnlySpan<char> value) { Checked(BulkType.Text)._table.Text(_column, value); return Next(); }

    /// <summary>Text already encoded as UTF-8 (e.g. an audit row's JSON as its writer made it).</summary>
    public BulkRow Utf8(ReadOnlySpan<byte> value) { Checked(BulkType.Text)._table.Utf8(_column, value); return Next(); }

    /// <summary>An enum stored by its name (as the context's string conversion stores it).</summary>
    public BulkRow Name<TEnum>(TEnum value) where TEnum : struct, Enum => Text(EnumNames<TEnum>.Of(value));

    public BulkRow Name<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? Name(v) : WriteNull(BulkType.Text);
    public BulkRow Numeric(decimal? value) { if (value is not { } v) return WriteNull(BulkType.Numeric); Checked(BulkType.Numeric)._table.Numeric(_column, v); return Next(); }
    public BulkRow Date(DateOnly? value) { if (value is not { } v) return WriteNull(BulkType.Date); Checked(BulkType.Date)._table.Date(_column, v); return Next(); }
    public BulkRow Bool(bool value) { Checked(BulkType.Bool)._table.Bool(_column, value); return Next(); }
    public BulkRow Long(long value) { Checked(BulkType.Long)._table.Long(_column, value); return Next(); }
    public BulkRow Int(int value) { Checked(BulkType.Int)._table.Int(_column, value); return Next(); }
    public BulkRow Instant(DateTimeOffset value) { Checked(BulkType.Instant)._table.Instant(_column, value); return Next(); }

    /// <summary>Closes the row (SQLite runs it; a versioned update that changed no row fails with Import.ChangedMeanwhile).</summary>
    public void End() => _table.EndRow(_column);
}

/// <summary>An enum's names, looked up once (Enum.ToString per value allocates and reflects).</summary>
public static class EnumNames<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names = Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => v.ToString());

    public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : value.ToString();
}

/// <summary>
/// A decimal as PostgreSQL's numeric holds it: base-10000 digit groups aligned on the decimal point, the weight (power of
/// 10000) of the first group, and the display scale (the decimal's own scale, so 1234.50 stays 1234.50).
/// </summary>
public static class NumericDigits
{
    /// <summary>Enough groups for any decimal (29 digits, plus the fraction's padding to a whole group).</summary>
    public const int MaxGroups = 10;

    /// <summary>The groups from the most significant on (leading and trailing zero groups left out), the weight and the scale.</summary>
    public static (int Count, int Weight, int Scale) Of(decimal value, Span<short> digits)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        if (mantissa == 0) return (0, 0, scale);
        // Pad the fraction to whole groups of four digits.
        var pad = (4 - scale % 4) % 4;
        for (var i = 0; i < pad; i++) mantissa *= 10;
        var fractionGroups = (scale + pad) / 4;
        Span<short> reversed = stackalloc short[MaxGroups + 1];
        var n = 0;
        while (mantissa != 0)
        {
            (mantissa, var group) = UInt128.DivRem(mantissa, 10000);
            reversed[n++] = (short)(ushort)group;
        }
        var low = 0;
        while (reversed[low] == 0) low++;
        var count = n - low;
        for (var i = 0; i < count; i++) digits[i] = reversed[n - 1 - i];
        return (count, n - 1 - fractionGroups, scale);
    }
}
