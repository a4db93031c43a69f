using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Clusterpact.Web.Infrastructure.Audit;

/// <summary>
/// The JSON of a created record's audit row (<see cref="AuditInterceptor.AllValuesJson"/>: every field that has a value,
/// formatted by <see cref="AuditInterceptor.Format"/>, in the order given), written by one reused writer: a set-based
/// import writes one per record, without a dictionary and a serializer call each. Not for several threads at once.
/// </summary>
public sealed class AuditValuesJson
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
}
