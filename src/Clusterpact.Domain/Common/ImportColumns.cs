using System.Text;

namespace Clusterpact.Domain.Common;

/// <summary>How the names people type in a spreadsheet are compared: case, accents, spaces, punctuation and a unit do not count.</summary>
public static class ImportNames
{
    // Units written after a column's name ("Omzet (EUR)", "Omzet in euro", "Personeel VTE"); the name alone is what matches.
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal) { "eur", "euro", "euros", "keur", "vte", "fte", "pct", "procent", "percent" };

    /// <summary>Lower case, accents removed, letters and digits only: "Rôle" is "role", "KBO-nummer" is "kbonummer".</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        if (!System.Text.Ascii.IsValid(text)) return string.Concat(Words(text));
        // Plain ASCII (almost every cell): no accents to strip, so the letters and digits in lower case, in one pass.
        Span<char> kept = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var ch in text)
            if (char.IsAsciiLetterOrDigit(ch)) kept[n++] = char.ToLowerInvariant(ch);
        return new string(kept[..n]);
    }

    /// <summary>
    /// The keys a header is looked up by, most specific first: the whole header ("TRL (start)" is "trlstart"), then without
    /// what stands in brackets ("Personeel (VTE)" is "personeel"), then without a trailing unit ("Omzet in EUR" is "omzet").
    /// </summary>
    public static IEnumerable<string> HeaderKeys(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) yield break;
        var whole = Normalise(header);
        yield return whole;
        var words = Words(WithoutBrackets(header));
        var bare = string.Concat(words);
        if (bare != whole) yield return bare;
        var end = words.Count;
        while (end > 1 && Units.Contains(words[end - 1])) end--;
        if (end < words.Count && end > 1 && words[end - 1] == "in") end--;
        var unitless = string.Concat(words.Take(end));
        if (unitless != bare && unitless.Length > 0) yield return unitless;
    }

    private static string WithoutBrackets(string text)
    {
        var sb = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var ch in text)
        {
            if (ch is '(' or '[' or '{') depth++;
            else if (ch is ')' or ']' or '}') { depth = Math.Max(0, depth - 1); sb.Append(' '); }
            else if (depth == 0) sb.Append(ch);
        }
        return sb.ToString();
    }

    private static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return words;
        var word = new StringBuilder();
        foreach (var ch in text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch)) { word.Append(ch); continue; }
            if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }
}

/// <summary>
/// The columns one kind of list (members, projects) can carry: each field with its names in Dutch and English, and the
/// columns a list cannot do without. Maps a file's header by itself; the person can adjust the mapping before the preview.
/// </summary>
public sealed class ImportColumns<TField> where TField : struct, Enum
{
    private readonly Dictionary<string, TField> _byName = new(StringComparer.Ordinal);
    private readonly List<(string Code, TField[] AnyOf)> _required = [];

    /// <summary>Names a field is known by; two fields sharing a name is a mistake in the table, not in the file.</summary>
    public ImportColumns<TField> Field(TField field, params string[] names)
    {
        foreach (var name in names)
        {
            var key = ImportNames.Normalise(name);
            if (_byName.TryGetValue(key, out var other) && !other.Equals(field))
                throw new ArgumentException($"'{name}' names both {other} and {field}.", nameof(names));
            _byName[key] = field;
        }
        return this;
    }

    /// <summary>A list needs a column for at least one of these fields; <paramref name="code"/> says which is missing.</summary>
    public ImportColumns<TField> Require(string code, params TField[] anyOf)
    {
        _required.Add((code, anyOf));
        return this;
    }

    /// <summary>The field a header names, or null when it names none.</summary>
    public TField? Match(string? header)
    {
        foreach (var key in ImportNames.HeaderKeys(header))
            if (_byName.TryGetValue(key, out var field)) return field;
        return null;
    }

    /// <summary>Column index to field, from the header; the first column wins when two name the same field (merged cells).</summary>
    public IReadOnlyDictionary<int, TField> AutoMap(IReadOnlyList<string?> header)
    {
        var map = new Dictionary<int, TField>();
        for (var i = 0; i < header.Count; i++)
            if (Match(header[i]) is { } field && !map.ContainsValue(field)) map[i] = field;
        return map;
    }

    /// <summary>A mapping the import can work with: every required column present, and no field taken by two columns.</summary>
    public Result CheckMapping(IReadOnlyDictionary<int, TField> mapping)
    {
        foreach (var (code, anyOf) in _required)
            if (!anyOf.Any(f => mapping.Values.Contains(f))) return Result.Fail(new DomainError(code));
        if (mapping.Values.GroupBy(f => f).Any(g => g.Count() > 1)) return Result.Fail(new DomainError("Import.FieldMappedTwice"));
        return Result.Success;
    }
}
