using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Clusterpact.Web.Infrastructure.Audit;

/// <summary>
/// The JSON of a created record's audit row (<see cref="AuditInterceptor.AllValuesJson"/>: every field that has a value,
/// formatted by <see cref="AuditInterceptor.Format"/>, in the order given), written by one reused writer: a set-based
/// import writes one per record, without a dictionary and a serializer call each. Not for several threads at once.
/// </summary>
public sealed class AuditValuesJson : IAuditFields
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public AuditValuesJson() =>
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The fields with a value, as the interceptor writes a created record (a field without a value is left out).</summary>
    public string Of(params ReadOnlySpan<(string Name, object? Value)> fields)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        foreach (var (name, value) in fields)
            if (AuditInterceptor.Format(value) is { } text) _writer.WriteString(name, text);
        _writer.WriteEndObject();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    // The same, typed: Begin, one Add per field in the interceptor's order, then End gives the UTF-8 JSON (valid until
    // the next Begin). Each value is formatted as AuditInterceptor.Format formats it, into a stack buffer instead of a
    // string, and nothing is boxed: what a set-based write of 100,000 records does 300,000 times.

    /// <summary>Starts a record's values.</summary>
    public AuditValuesJson Begin()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        return this;
    }

    public void Add(string name, string? value)
    {
        if (value is not null) _writer.WriteString(name, value.Length > AuditInterceptor.MaxValueLength ? value.AsSpan(0, AuditInterceptor.MaxValueLength) : value);
    }

    public void Add(string name, Guid value)
    {
        Span<char> text = stackalloc char[36];
        value.TryFormat(text, out var written);
        _writer.WriteString(name, text[..written]);
    }

    /// <summary>A boolean as the trail writes one: True or False.</summary>
    public void Add(string name, bool value) => _writer.WriteString(name, value ? bool.TrueString : bool.FalseString);

    public void Add(string name, int value) => Formatted(name, value);

    public void Add(string name, decimal? value)
    {
        if (value is { } v) Formatted(name, v);
    }

    public void Add(string name, DateOnly? value)
    {
        if (value is not { } v) return;
        Span<char> text = stackalloc char[10];
        v.TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        _writer.WriteString(name, text[..written]);
    }

    public void Add<TEnum>(string name, TEnum value) where TEnum : struct, Enum => Add(name, Import.EnumNames<TEnum>.Of(value));

    public void Add<TEnum>(string name, TEnum? value) where TEnum : struct, Enum
    {
        if (value is { } v) Add(name, v);
    }

    private void Formatted<T>(string name, T value) where T : ISpanFormattable
    {
        Span<char> text = stackalloc char[64];
        if (value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture)) _writer.WriteString(name, text[..written]);
        else Add(name, value.ToString(null, CultureInfo.InvariantCulture));
    }

    /// <summary>The record's values as UTF-8 JSON (the writer's own buffer: read it before the next <see cref="Begin"/>).</summary>
    public ReadOnlySpan<byte> End()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenSpan;
    }
}

/// <summary>
/// A record's audited fields given one by one, typed (key first, then by name, as the interceptor lists them): one
/// description of a record serves the created row's JSON (<see cref="AuditValuesJson"/>) and the changed fields' old and
/// new values (<see cref="AuditValues"/>).
/// </summary>
public interface IAuditFields
{
    void Add(string name, string? value);
    void Add(string name, Guid value);
    void Add(string name, bool value);
    void Add(string name, int value);
    void Add(string name, decimal? value);
    void Add(string name, DateOnly? value);
    void Add<TEnum>(string name, TEnum value) where TEnum : struct, Enum;
    void Add<TEnum>(string name, TEnum? value) where TEnum : struct, Enum;
}

/// <summary>Every field's value as the trail writes it (<see cref="AuditInterceptor.Format"/>), null ones included: what a change is compared on.</summary>
public sealed class AuditValues : IAuditFields
{
    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public void Add(string name, string? value) => Values[name] = AuditInterceptor.Format(value);
    public void Add(string name, Guid value) => Values[name] = AuditInterceptor.Format(value);
    public void Add(string name, bool value) => Values[name] = AuditInterceptor.Format(value);
    public void Add(string name, int value) => Values[name] = AuditInterceptor.Format(value);
    public void Add(string name, decimal? value) => Values[name] = AuditInterceptor.Format(value);
    public void Add(string name, DateOnly? value) => Values[name] = AuditInterceptor.Format(value);
    public void Add<TEnum>(string name, TEnum value) where TEnum : struct, Enum => Values[name] = AuditInterceptor.Format(value);
    public void Add<TEnum>(string name, TEnum? value) where TEnum : struct, Enum => Values[name] = AuditInterceptor.Format(value);
}
