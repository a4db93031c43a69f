namespace Clusterpact.Web.Data.Seed;

/// <summary>The clusters of the demo: the reference clusters as they are, with synthetic contact details.</summary>
internal static class DemoClusters
{
    /// <summary>The real clusters of the reference data, with a synthetic website, contact and enterprise number each.</summary>
    public static List<Cluster> Build(DateOnly today, Random rng)
    {
        var clusters = ReferenceClusters.Load()
            .Select(r => new Cluster(r.Name, r.Type, r.Domain, r.Call, r.Start, r.End, ClusterStatusRule.StatusOn(today, r.Start, r.End)))
            .ToList();
        foreach (var c in clusters)
        {
            var slug = new string(c.Name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
            c.UpdateContactDetails($"https://www.{slug}.demo", ContactNames[rng.Next(ContactNames.Length)], $"info@{slug}.demo");
            c.SetEnterpriseNumber(DemoMembers.NextEnterpriseNumber(rng));
        }
        return clusters;
    }

    private static readonly string[] ContactNames = ["Lotte Vermeulen", "Bart De Smet", "Hanne Goossens", "Tom Willems", "Eline Mertens", "Wim Dubois", "Nele Lambrecht", "Jan Verstraete"];
}
