using System.Text.RegularExpressions;

namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>One clock: the product reads time only through the injected TimeProvider, and the tests fix it.</summary>
[Collection(AppCollection.Name)]
public sealed partial class ClockTests(ClusterpactApp app)
{
    [GeneratedRegex(@"\bDateTime\.(Now|Today|UtcNow)\b|\bDateTimeOffset\.(Now|UtcNow)\b|\bGetLocalNow\s*\(")]
    private static partial Regex RealClock();

    [Fact]
    public void No_source_file_reads_the_machine_clock_or_its_time_zone()
    {
        var src = Path.Combine(SourceTree.Root, "src");
        var files = SourceTree.Files(".cs", ".cshtml");
        Assert.Contains(files, f => f.EndsWith("BrusselsClock.cs", StringComparison.Ordinal));

        var offenders = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(src, f), Line: i + 1, Text: line)))
            .Where(l => RealClock().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Read time through TimeProvider (clock.TodayInBrussels(), clock.NowInBrussels(), clock.GetUtcNow()):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_app_runs_on_the_test_clock_on_1_December_2026_in_Brussels()
    {
        Assert.Same(app.Clock, app.Services.GetRequiredService<TimeProvider>());
        Assert.Equal(new DateOnly(2026, 12, 1), app.Today);
    }

    [Fact]
    public void Readings_one_after_another_are_increasing_so_records_keep_their_order()
    {
        var first = app.Clock.GetUtcNow();
        Assert.True(app.Clock.GetUtcNow() > first);
    }
}
