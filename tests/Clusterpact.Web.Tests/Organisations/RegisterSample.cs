using System.IO.Compression;
using Clusterpact.Web.Infrastructure.EnterpriseRegister;

namespace Clusterpact.Web.Tests.Organisations;

/// <summary>The shipped sample extract (Data/Kbo/sample) and what its update does, read from its files.</summary>
public static class RegisterSample
{
    public static string Full => Path.Combine(RegisterSettings.SampleFolder, "full");
    public static string Update => Path.Combine(RegisterSettings.SampleFolder, "update");

    /// <summary>The enterprises of the full extract (enterprise.csv without its header).</summary>
    public static int FullEnterprises => File.ReadLines(Path.Combine(Full, "enterprise.csv")).Count() - 1;

    /// <summary>The enterprise the update stops: deleted and not inserted again.</summary>
    public static string Stopped => Digits(Rows(Update, "enterprise_delete.csv").Single()[0]);

    /// <summary>The enterprise the update adds.</summary>
    public static string Added => Digits(Rows(Update, "enterprise_insert.csv").Single()[0]);

    /// <summary>The enterprise the update renames, and its new official name.</summary>
    public static (string Number, string Name) Renamed
    {
        get
        {
            var row = Rows(Update, "denomination_insert.csv").First(r => r[2] == "001" && Digits(r[0]) != Added);
            return (Digits(row[0]), row[3]);
        }
    }

    /// <summary>A zip of one part of the sample, as the FOD Economie delivers it.</summary>
    public static string Zip(string folder, string target)
    {
        if (File.Exists(target)) File.Delete(target);
        ZipFile.CreateFromDirectory(folder, target);
        return target;
    }

    private static IEnumerable<string[]> Rows(string folder, string file) =>
        File.ReadLines(Path.Combine(folder, file)).Skip(1).Select(l => l.Split("\",\"").Select(v => v.Trim('"')).ToArray());

    private static string Digits(string dotted) => dotted.Replace(".", "", StringComparison.Ordinal);
}
