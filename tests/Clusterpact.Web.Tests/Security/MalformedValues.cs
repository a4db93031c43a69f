using CsCheck;

namespace Clusterpact.Web.Tests.Security;

/// <summary>
/// Values nobody should send: numbers past every type's range, dates that do not exist, ids that are not ids, enum
/// names that are not names, overlong and control-character text, markup and injection strings, and random text and
/// numbers from CsCheck. Drawn from a seeded PCG, so a run sends the same values every time.
/// </summary>
public static class MalformedValues
{
    /// <summary>Hand-picked values that broke (or could break) a binder, a parser, a database column or a page that reads the row back.</summary>
    public static readonly string[] Catalogue =
    [
        "", " ", "null", "undefined", "NaN", "Infinity", "-Infinity", "maybe", "2", "-1", "0", "1", "on", "yes",
        "1e308", "1e400", "-1e400", "1E+29", "0x7FFFFFFF", "1_000", "+-1", "--1", "1.2.3",
        "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "18446744073709551616",
        "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950335",
        "7922816251426433759354395033,5", "0.0000000000000000000000000001", "0,0000000000000000000000000001",
        "1,5", "1.5", "1.234.567,89", "1,234,567.89", "€ 150.000", "€ 10.000.000.001", "99999999999999999999,99", "-0,01", "12,345", "١٢٣",
        "2026-02-31", "2026-13-01", "9999-12-31", "0001-01-01", "10000-01-01", "-0001-01-01", "31-02-2026", "00-00-0000",
        "29-02-2027", "2026-12-01T25:61", "2026-12-01T10:00:00+99:00", "2026-W53", "32/13/2026", "1-1-1",
        "-1", "0", "1999", "2101", "65535", "-2147483648",
        "not-a-guid", "00000000-0000-0000-0000-000000000000", "{00000000-0000-0000-0000-000000000000}", "ffffffff-ffff-ffff-ffff-ffffffffffff", "0198c0de-0000-7000-8000-00000000000g",
        "Bogus", "999", "Name,Bogus", "Name|Date", "__proto__", "constructor",
        "\0", "a\0b", "\r\n", "line1\nline2", "\u001b[31mred", "\u202Eevil", "\t", "\u0007", "\uFEFF", "\u2028", "😀", "ȧ̸̢̛̤", "ﷺ",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' OR 1=1 --", "'; DROP TABLE clusters; --",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "%", "%%", "%zz", "{0}", "{1:N}", "{{7*7}}", "${jndi:ldap://x}",
        "=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "-1+1",
        "http://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "\\\\server\\share", "/%0d%0aSet-Cookie:x=y",
        "a@", "@b", "a@b@c", "a b@c.d", "BE0000.000.000", "0000000000", "BE1234567890123",
        new string('x', 101), new string('x', 201), new string('x', 256), new string('x', 301), new string('9', 400),
        new string('€', 2_000), string.Concat(Enumerable.Repeat("<b>", 1_000)), new string('x', 10_000),
    ];

    private static readonly Gen<char> AnyChar = Gen.Frequency(
        (4, Gen.Char['\u0000', '\u001f']),
        (6, Gen.Char[' ', '~']),
        (3, Gen.Char['\u007f', '\u07ff']),
        (2, Gen.Char['\u2000', '\u2bff']),
        (1, Gen.Char['\ue000', '\ufffd']));

    private static readonly Gen<string> RandomText = AnyChar.Array[0, 300].Select(cs => new string(cs));

    private static readonly Gen<string> OverlongText = Gen.Select(Gen.Int[201, 12_000], Gen.Char['!', '~'], (n, c) => new string(c, n));

    private static readonly Gen<string> Numbers = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
        Gen.Decimal.Select(d => d.ToString(CultureInfo.InvariantCulture)),
        Gen.Decimal.Select(d => d.ToString("N", CultureInfo.GetCultureInfo("nl-BE"))),
        Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.Int128.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private static readonly Gen<string> Dates = Gen.OneOf(
        Gen.DateOnly.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        Gen.DateOnly.Select(d => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)),
        Gen.Select(Gen.Int[-10_000, 100_000], Gen.Int[-1, 14], Gen.Int[-1, 33], (y, m, d) => $"{y:0000}-{m:00}-{d:00}"),
        Gen.Select(Gen.Int[-1, 33], Gen.Int[-1, 14], Gen.Int[-10_000, 100_000], (d, m, y) => $"{d:00}-{m:00}-{y:0000}"));

    private static readonly Gen<string> CatalogueValue = Gen.Int[0, Catalogue.Length - 1].Select(i => Catalogue[i]);

    /// <summary>One malformed value: mostly the catalogue, the rest generated numbers, dates, random and overlong text.</summary>
    public static readonly Gen<string> Value = Gen.Frequency(
        (10, CatalogueValue),
        (3, Numbers),
        (2, Dates),
        (3, RandomText),
        (1, OverlongText),
        (1, Gen.Guid.Select(g => g.ToString())));

    /// <summary>One JSON token in a place where the body's type expects something else.</summary>
    public static readonly Gen<string> JsonToken = Gen.Frequency(
        (6, Gen.OneOf("null", "true", "false", "[]", "{}", "\"\"", "1e400", "-1e400", "79228162514264337593543950336", "9223372036854775808",
            "-1", "0", "1.5", "\"2026-02-31\"", "\"not-a-guid\"", "NaN", "\"NaN\"", "[1,2]", "{\"a\":1}", "\"\\u0000\"", "\"\\ud800\"")),
        (4, Value.Select(v => JsonSerializer.Serialize(v))),
        (2, Numbers));

    public static T Draw<T>(this Gen<T> gen, PCG pcg) => gen.Generate(pcg, null, out _);
}
