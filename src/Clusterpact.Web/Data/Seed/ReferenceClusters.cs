namespace Clusterpact.Web.Data.Seed;

/// <summary>One row of clusters.csv: every cluster the source documents name (a copy of shared/data/clusters.csv).</summary>
public sealed record ReferenceCluster(string Name, ClusterType Type, string Domain, string Call, DateOnly? Start, DateOnly? End, string Note);

public static class ReferenceClusters
{
    public static IReadOnlyList<ReferenceCluster> Load()
    {
        using var stream = typeof(ReferenceClusters).Assembly.GetManifestResourceStream("Clusterpact.Web.Data.Seed.clusters.csv")
            ?? throw new InvalidOperationException("The embedded clusters.csv is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static IReadOnlyList<ReferenceCluster> Parse(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new List<ReferenceCluster>();
        foreach (var line in lines.Skip(1))
        {
            var f = SplitCsvLine(line);
            if (f.Count < 6) continue;
            result.Add(new ReferenceCluster(f[0], ParseType(f[1]), f[2], f[3], ParseDate(f[4]), ParseDate(f[5]), f.Count > 6 ? f[6] : ""));
        }
        return result;
    }

    private static ClusterType ParseType(string s) => s.Trim().ToLowerInvariant() switch
    {
        "spearhead" => ClusterType.SpearheadCluster,
        "innovative business network" => ClusterType.InnovativeBusinessNetwork,
        "ad-hoc cluster" => ClusterType.AdHocCluster,
        _ => throw new FormatException($"Unknown cluster type '{s}' in clusters.csv."),
    };

    private static DateOnly? ParseDate(string s) =>
        string.IsNullOrWhiteSpace(s) ? null : DateOnly.ParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else current.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(ch);
        }
        fields.Add(current.ToString());
        return fields;
    }
}
