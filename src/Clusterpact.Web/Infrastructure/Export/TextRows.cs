using System.Collections;
using System.Collections.ObjectModel;
using System.Data.Common;

namespace Clusterpact.Web.Infrastructure.Export;

/// <summary>
/// Rows of text as the <see cref="DbDataReader"/> that Sylvan's CSV writer reads from, one row at a time, so an export
/// streams instead of being collected first. Every column is a string; asking for another type is an
/// <see cref="InvalidCastException"/>, as any data reader answers for a column of the wrong type.
/// </summary>
internal sealed class TextRows(int fieldCount, IEnumerable<IReadOnlyList<string>> rows) : DbDataReader, IDbColumnSchemaGenerator
{
    private readonly IEnumerator<IReadOnlyList<string>> _rows = rows.GetEnumerator();
    private IReadOnlyList<string>? _current;
    private bool _closed;

    public override int FieldCount => fieldCount;
    public override int Depth => 0;
    public override bool HasRows => true;
    public override bool IsClosed => _closed;
    public override int RecordsAffected => -1;
    public override object this[int ordinal] => GetString(ordinal);
    public override object this[string name] => GetString(GetOrdinal(name));

    public override bool Read()
    {
        if (_closed || !_rows.MoveNext()) return false;
        _current = _rows.Current;
        if (_current.Count != fieldCount) throw new InvalidOperationException($"A row has {_current.Count} cells for {fieldCount} columns.");
        return true;
    }

    public override bool NextResult() => false;
    public override string GetString(int ordinal) => (_current ?? throw new InvalidOperationException("Read has not been called."))[ordinal];
    public override object GetValue(int ordinal) => GetString(ordinal);
    public override bool IsDBNull(int ordinal) => false;
    public override Type GetFieldType(int ordinal) => typeof(string);
    public override string GetDataTypeName(int ordinal) => nameof(String);
    public override string GetName(int ordinal) => $"Column{ordinal + 1}";
    public override int GetOrdinal(string name) => Enumerable.Range(0, fieldCount).First(i => GetName(i) == name);
    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    /// <summary>The writer asks for the schema (the base class has none); every column is text that is never null.</summary>
    public ReadOnlyCollection<DbColumn> GetColumnSchema() => Enumerable.Range(0, fieldCount).Select(i => (DbColumn)new TextColumn(i, GetName(i))).ToList().AsReadOnly();

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, fieldCount);
        for (var i = 0; i < count; i++) values[i] = GetString(i);
        return count;
    }

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null) return text.Length;
        var count = (int)Math.Clamp(text.Length - dataOffset, 0, length);
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override bool GetBoolean(int ordinal) => throw NotText();
    public override byte GetByte(int ordinal) => throw NotText();
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw NotText();
    public override char GetChar(int ordinal) => throw NotText();
    public override DateTime GetDateTime(int ordinal) => throw NotText();
    public override decimal GetDecimal(int ordinal) => throw NotText();
    public override double GetDouble(int ordinal) => throw NotText();
    public override float GetFloat(int ordinal) => throw NotText();
    public override Guid GetGuid(int ordinal) => throw NotText();
    public override short GetInt16(int ordinal) => throw NotText();
    public override int GetInt32(int ordinal) => throw NotText();
    public override long GetInt64(int ordinal) => throw NotText();

    public override void Close()
    {
        _closed = true;
        _rows.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }

    private sealed class TextColumn : DbColumn
    {
        public TextColumn(int ordinal, string name) => (ColumnOrdinal, ColumnName, DataType, DataTypeName, AllowDBNull) = (ordinal, name, typeof(string), nameof(String), false);
    }

    private static InvalidCastException NotText() => new("Every column of an export row is text.");
}
