namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>
/// In a view, <c>L["Key", args]</c> is a LocalizedHtmlString whose <c>.Value</c> is the unformatted template: a title, a
/// chart label or an option text built that way showed "{0}" to the user (seen on the pact, report and KPI pages). The
/// formatted text is <c>L.GetString("Key", args).Value</c>, or the LocalizedHtmlString itself where HTML is written.
/// </summary>
public sealed class LocalizerUseTests
{
    [Fact]
    public void No_view_takes_the_value_of_an_html_localizer_string_with_arguments()
    {
        var offenders = SourceTree.Files(".cshtml")
            .SelectMany(f => TemplatesTakenRaw(File.ReadAllText(f)).Select(s => $"{Path.GetRelativePath(SourceTree.Root, f)}: {s}"))
            .ToList();
        Assert.True(offenders.Count == 0, "Use L.GetString(key, args).Value:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("@L[\"A.B\", x].Value", 1)]
    [InlineData("@L[\"A.B\", Format(a[0], b)].Value", 1)]
    [InlineData("@L[\"A.B\"].Value", 0)]
    [InlineData("@L.GetString(\"A.B\", x).Value", 0)]
    [InlineData("@L[\"A.B\", L[\"C\"].Value]", 0)]
    [InlineData("@ViewL[\"A.B\", x].Value", 0)]
    public void The_scan_finds_exactly_the_raw_templates(string source, int expected) =>
        Assert.Equal(expected, TemplatesTakenRaw(source).Count);

    /// <summary>Every <c>L[…]</c> with an argument at its top level that is followed by <c>.Value</c>.</summary>
    private static List<string> TemplatesTakenRaw(string s)
    {
        var found = new List<string>();
        for (var i = s.IndexOf("L[", StringComparison.Ordinal); i >= 0; i = s.IndexOf("L[", i + 2, StringComparison.Ordinal))
        {
            if (i > 0 && (char.IsLetterOrDigit(s[i - 1]) || s[i - 1] == '_')) continue;
            var (end, hasArguments) = Closing(s, i + 1);
            if (end > 0 && hasArguments && string.CompareOrdinal(s, end + 1, ".Value", 0, 6) == 0) found.Add(s[i..(end + 1)]);
        }
        return found;
    }

    private static (int End, bool HasArguments) Closing(string s, int open)
    {
        var depth = 0;
        var comma = false;
        char? quote = null;
        for (var j = open; j < s.Length; j++)
        {
            var c = s[j];
            if (quote is { } q) { if (c == '\\') j++; else if (c == q) quote = null; continue; }
            switch (c)
            {
                case '"' or '\'': quote = c; break;
                case '(' or '[' or '{': depth++; break;
                case ')' or ']' or '}':
                    if (--depth == 0) return (j, comma);
                    break;
                case ',' when depth == 1: comma = true; break;
            }
        }
        return (-1, false);
    }
}
