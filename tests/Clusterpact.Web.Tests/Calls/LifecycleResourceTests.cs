using System.Xml.Linq;
using Clusterpact.Web.Tests.Account;

namespace Clusterpact.Web.Tests.Calls;

/// <summary>
/// Every label, button and refusal the lifecycle tables of applications, expert declarations, annual reports and
/// evaluations need is in both languages, filled in, and without a placeholder nobody fills (the pages pass none).
/// </summary>
public sealed class LifecycleResourceTests
{
    public static TheoryData<string, string> EveryKeyInBothLanguages()
    {
        var data = new TheoryData<string, string>();
        var keys = ApplicationLifecycle.Rules.ResourceKeys().Concat(AssignmentLifecycle.Rules.ResourceKeys())
            .Concat(ReportLifecycle.Rules.ResourceKeys()).Concat(EvaluationLifecycle.Rules.ResourceKeys()).Distinct();
        foreach (var key in keys)
            foreach (var file in new[] { "SharedResource.resx", "SharedResource.en.resx" })
                data.Add(file, key);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKeyInBothLanguages))]
    public void The_key_has_a_text_without_an_unfilled_placeholder(string file, string key)
    {
        var texts = Texts(file);
        Assert.True(texts.TryGetValue(key, out var text), $"{key} missing from {file}");
        Assert.False(string.IsNullOrWhiteSpace(text), $"{key} is empty in {file}");
        Assert.DoesNotContain("{0}", text, StringComparison.Ordinal);
        Assert.NotEqual(key, text);
    }

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Loaded = [];

    private static IReadOnlyDictionary<string, string> Texts(string file)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(file, out var texts))
            {
                var path = Path.Combine(LocalisationTests.RepoRoot(), "src", "Clusterpact.Web", "Resources", file);
                texts = XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
                Loaded[file] = texts;
            }
            return texts;
        }
    }
}
