namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>The repository's own source files, for the tests that read the code itself (clock, localizer use, resources).</summary>
internal static class SourceTree
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Clusterpact.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Clusterpact.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The files under <c>src/</c> with one of the endings, build output left out.</summary>
    public static IReadOnlyList<string> Files(params string[] endings)
    {
        var sep = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => endings.Any(e => f.EndsWith(e, StringComparison.Ordinal)))
            .Where(f => !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal))
            .ToList();
    }
}
