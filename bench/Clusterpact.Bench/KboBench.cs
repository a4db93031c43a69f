using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Clusterpact.Domain.Members;
using Clusterpact.Web.Data;
using Clusterpact.Web.Infrastructure.EnterpriseRegister;
using Clusterpact.Web.Infrastructure.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// The enterprise register's benchmark and sample (docs/decisions/0016):
///   kbo --factor 0.1 [--db sqlite|postgres|both] [--pg SERVER]   a full extract of 2,000,000 x factor enterprises in the
///       KBO open-data format (about 1.5 names, 1.25 addresses and 10 activities each, establishments mixed in), loaded by
///       the product's RegisterLoader into an empty database; prints rows read per second.
///   kbo-sample --from DEMO.db --out DIR   the shipped sample: the demo's Belgian organisations as a full extract, and an
///       update file with one enterprise stopped, one renamed and one new.
/// </summary>
internal static class KboBench
{

    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var factor = double.Parse(options.GetValueOrDefault("factor", "0.1"), CultureInfo.InvariantCulture);
        var db = options.GetValueOrDefault("db", "both");
        var work = Directory.CreateTempSubdirectory("clusterpact-kbo-");
        try
        {
            var zip = Path.Combine(work.FullName, "KboOpenData_0140_2026_11_Full.zip");
            var sw = Stopwatch.StartNew();
            var rows = WriteFullExtract(zip, (int)(2_000_000 * factor), seed: 140);
            Console.WriteLine(FormattableString.Invariant($"generated {rows:N0} rows ({new FileInfo(zip).Length / 1024.0 / 1024.0:F1} MB zipped) in {sw.Elapsed.TotalSeconds:F1} s"));
            foreach (var provider in db == "both" ? new[] { "sqlite", "postgres" } : [db])
                await LoadAsync(provider, zip, work.FullName, options.GetValueOrDefault("pg", "Host=127.0.0.1;Port=5433;Username=postgres"));
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task LoadAsync(string provider, string zip, string work, string pgServer)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        var pgDatabase = $"clusterpact_kbo_{Guid.NewGuid():N}";
        if (provider == "postgres") services.AddDbContext<ClusterpactDbContext, PostgresClusterpactDbContext>(o => o.UseNpgsql($"{pgServer};Database={pgDatabase}"));
        else services.AddDbContext<ClusterpactDbContext, SqliteClusterpactDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(work, "kbo.db")}"));
        services.AddScoped<RegisterLoader>();
        await using var sp = services.BuildServiceProvider();
        await using var scope = sp.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        await context.Database.MigrateAsync();
        try
        {
            var sw = Stopwatch.StartNew();
            var summary = await scope.ServiceProvider.GetRequiredService<RegisterLoader>().LoadAsync(zip, Path.GetFileName(zip), null, new NoProgress(), CancellationToken.None);
            sw.Stop();
            var enterprises = await context.RegisterEnterprises.CountAsync();
            Console.WriteLine(FormattableString.Invariant($"{provider,-8} read {summary.RowsRead,12:N0} rows in {sw.Elapsed.TotalSeconds,6:F1} s = {summary.RowsRead / sw.Elapsed.TotalSeconds,10:N0} rows/s; {enterprises:N0} enterprises, {summary.Added:N0} added"));
            foreach (var f in summary.Files) Console.WriteLine(FormattableString.Invariant($"         {f.File,-20} {f.RowsRead,12:N0} read {f.RowsKept,12:N0} kept"));
        }
        finally
        {
            if (provider == "postgres") await context.Database.EnsureDeletedAsync();
        }
    }

    private sealed class NoProgress : IJobProgress
    {
        public Task ReportAsync(double fraction, string? text, CancellationToken ct) => Task.CompletedTask;
    }

    /// <summary>An enterprise number from a sequence: 8 digits from 02000000 up and the mod-97 check digits.</summary>
    internal static string Number(long body) => Dotted(body.ToString("D8", CultureInfo.InvariantCulture) + (97 - body % 97).ToString("D2", CultureInfo.InvariantCulture));

    private static string Dotted(string digits) => $"{digits[..4]}.{digits[4..7]}.{digits[7..]}";

    private static string Establishment(long i) { var d = (2_000_000_000L + i).ToString(CultureInfo.InvariantCulture); return $"{d[0]}.{d[1..4]}.{d[4..7]}.{d[7..]}"; }

    private static readonly string[] Forms = ["014", "610", "610", "610", "706", "017"];
    private static readonly string[] Words = ["Tech", "Bouw", "Logistiek", "Voeding", "Consult", "Energie", "Zorg", "Media", "Chemie", "Transport"];
    private static readonly string[] Families = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambert"];
    private static readonly (string Zip, string Nl, string Fr)[] Places = [("2000", "Antwerpen", "Anvers"), ("9000", "Gent", "Gand"), ("3000", "Leuven", "Louvain"), ("8000", "Brugge", "Bruges"), ("3500", "Hasselt", "Hasselt"), ("1000", "Brussel", "Bruxelles"), ("4000", "Luik", "Liège"), ("5000", "Namen", "Namur")];
    private static readonly string[] Nace = ["62010", "46900", "41201", "70220", "10710", "49410", "86210", "71121", "20160", "47190", "94110", "72190"];

    /// <summary>Writes a full extract of <paramref name="enterprises"/> enterprises; returns the rows written.</summary>
    internal static long WriteFullExtract(string zipPath, int enterprises, int seed)
    {
        var rng = new Random(seed);
        long rows = 0;
        // The files side by side first (a zip being written has one entry open at a time), then zipped as the KBO delivers them.
        var dir = Directory.CreateTempSubdirectory("clusterpact-kbo-files-").FullName;
        StreamWriter Entry(string name, params string[] header) => Csv(Path.Combine(dir, name), header);
        using (var w = Entry("meta.csv", "Variable", "Value"))
        {
            Row(w, "SnapshotDate", "06-11-2026"); Row(w, "ExtractTimestamp", "08-11-2026 04:12:55"); Row(w, "ExtractType", "full"); Row(w, "ExtractNumber", "140"); Row(w, "Version", "1.0.0");
        }
        using (var w = Entry("code.csv", "Category", "Code", "Language", "Description")) WriteCodes(w);
        using (var e = Entry("enterprise.csv", "EnterpriseNumber", "Status", "JuridicalSituation", "TypeOfEnterprise", "JuridicalForm", "JuridicalFormCAC", "StartDate"))
        using (var d = Entry("denomination.csv", "EntityNumber", "Language", "TypeOfDenomination", "Denomination"))
        using (var a = Entry("address.csv", "EntityNumber", "TypeOfAddress", "CountryNL", "CountryFR", "Zipcode", "MunicipalityNL", "MunicipalityFR", "StreetNL", "StreetFR", "HouseNumber", "Box", "ExtraAddressInfo", "DateStrikingOff"))
        using (var act = Entry("activity.csv", "EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification"))
        {
            long establishments = 0;
            for (var i = 0; i < enterprises; i++)
            {
                var number = Number(2_000_000 + i);
                var natural = rng.NextDouble() < 0.15;
                var form = natural ? "" : Forms[rng.Next(Forms.Length)];
                var start = new DateOnly(1950, 1, 1).AddDays(rng.Next(0, 27_000));
                Row(e, number, "AC", "000", natural ? "1" : "2", form, "", start.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)); rows++;
                var name = natural ? $"{Families[rng.Next(Families.Length)]} {Families[rng.Next(Families.Length)]}" : $"{Families[rng.Next(Families.Length)]} {Words[rng.Next(Words.Length)]} {i}";
                Row(d, number, "2", "001", name); rows++;
                if (rng.NextDouble() < 0.5) { Row(d, number, rng.NextDouble() < 0.5 ? "1" : "2", rng.NextDouble() < 0.5 ? "003" : "002", name + " \"Handel\""); rows++; }
                var place = Places[rng.Next(Places.Length)];
                if (!natural) { Row(a, number, "REGO", "", "", place.Zip, place.Nl, place.Fr, "Kerkstraat", "Rue de l'Église", (1 + rng.Next(200)).ToString(CultureInfo.InvariantCulture), "", "", ""); rows++; }
                var unit = rng.NextDouble() < 0.25 || natural;
                var establishment = unit ? Establishment(establishments++) : null;
                if (establishment is not null) { Row(a, establishment, "BAET", "", "", place.Zip, place.Nl, place.Fr, "Marktplein", "Place du Marché", "1", "", "", ""); rows++; }
                // About ten activities per enterprise, main and secondary, in NACE 2008 and 2025, some on the establishment.
                var main = Nace[rng.Next(Nace.Length)];
                Row(act, number, "001", "2008", main, "MAIN"); Row(act, number, "001", "2025", main, "MAIN"); Row(act, number, "003", "2008", main, "MAIN"); rows += 3;
                for (var k = 0; k < 6; k++) { Row(act, number, k % 2 == 0 ? "001" : "003", k < 3 ? "2008" : "2025", Nace[rng.Next(Nace.Length)], "SECO"); rows++; }
                Row(act, establishment ?? number, "001", "2008", Nace[rng.Next(Nace.Length)], establishment is null ? "ANCI" : "MAIN"); rows++;
            }
        }
        ZipFile.CreateFromDirectory(dir, zipPath, CompressionLevel.Fastest, includeBaseDirectory: false);
        Directory.Delete(dir, recursive: true);
        return rows;
    }

    internal static void WriteCodes(StreamWriter w)
    {
        foreach (var (category, code, nl, fr) in Codes)
        {
            Row(w, category, code, "NL", nl);
            Row(w, category, code, "FR", fr);
        }
    }

    /// <summary>The codes the sample and the generator use, with the KBO's descriptions.</summary>
    private static readonly (string Category, string Code, string Nl, string Fr)[] Codes =
    [
        ("TypeOfEnterprise", "1", "Natuurlijk persoon", "Personne physique"),
        ("TypeOfEnterprise", "2", "Rechtspersoon", "Personne morale"),
        ("JuridicalForm", "014", "Naamloze vennootschap", "Société anonyme"),
        ("JuridicalForm", "610", "Besloten vennootschap", "Société à responsabilité limitée"),
        ("JuridicalForm", "706", "Coöperatieve vennootschap", "Société coopérative"),
        ("JuridicalForm", "017", "Vereniging zonder winstoogmerk", "Association sans but lucratif"),
        ("JuridicalForm", "325", "Instelling van openbaar nut", "Fondation d'utilité publique"),
        ("Nace2008", "62010", "Ontwerpen en programmeren van computerprogramma's", "Programmation informatique"),
        ("Nace2008", "46900", "Niet-gespecialiseerde groothandel", "Commerce de gros non spécialisé"),
        ("Nace2008", "41201", "Algemene bouw van residentiële gebouwen", "Construction générale de bâtiments résidentiels"),
        ("Nace2008", "70220", "Advisering op het gebied van bedrijfsbeheer", "Conseil pour les affaires et autres conseils de gestion"),
        ("Nace2008", "10710", "Vervaardiging van brood en van vers banketbakkerswerk", "Fabrication de pain et de pâtisserie fraîche"),
        ("Nace2008", "49410", "Goederenvervoer over de weg", "Transports routiers de fret"),
        ("Nace2008", "86210", "Huisartspraktijken", "Activités des médecins généralistes"),
        ("Nace2008", "71121", "Ingenieurs en aanverwante technische adviseurs", "Activités d'ingénierie et de conseils techniques"),
        ("Nace2008", "20160", "Vervaardiging van kunststof in primaire vorm", "Fabrication de matières plastiques de base"),
        ("Nace2008", "47190", "Overige detailhandel in niet-gespecialiseerde winkels", "Autre commerce de détail en magasin non spécialisé"),
        ("Nace2008", "94110", "Bedrijfs- en werkgeversorganisaties", "Activités des organisations patronales et économiques"),
        ("Nace2008", "72190", "Overig speur- en ontwikkelingswerk op natuurwetenschappelijk gebied", "Recherche-développement en autres sciences physiques et naturelles"),
        ("Nace2008", "85421", "Universitair hoger onderwijs", "Enseignement supérieur universitaire"),
    ];

    internal static StreamWriter Csv(string path, params string[] header)
    {
        var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        Row(w, header);
        return w;
    }

    /// <summary>One line as the KBO writes it: every value between double quotes, a quote doubled, comma separated.</summary>
    internal static void Row(StreamWriter w, params string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) w.Write(',');
            w.Write('"');
            w.Write(values[i].Replace("\"", "\"\"", StringComparison.Ordinal));
            w.Write('"');
        }
        w.Write("\r\n");
    }

    private static readonly Dictionary<string, (string Zip, string Nl, string Fr)> ByRegion = new(StringComparer.Ordinal)
    {
        ["BE10"] = ("1000", "Brussel", "Bruxelles"), ["BE21"] = ("2000", "Antwerpen", "Anvers"), ["BE22"] = ("3500", "Hasselt", "Hasselt"),
        ["BE23"] = ("9000", "Gent", "Gand"), ["BE24"] = ("3000", "Leuven", "Louvain"), ["BE25"] = ("8000", "Brugge", "Bruges"),
        ["BE31"] = ("1300", "Waver", "Wavre"), ["BE32"] = ("7000", "Bergen", "Mons"), ["BE33"] = ("4000", "Luik", "Liège"),
        ["BE34"] = ("6700", "Aarlen", "Arlon"), ["BE35"] = ("5000", "Namen", "Namur"),
    };

    /// <summary>The shipped sample, from the demo database: every Belgian organisation as the KBO would list it.</summary>
    public static async Task<int> SampleAsync(Dictionary<string, string> options)
    {
        var from = options["from"];
        var outDir = options["out"];
        var orgs = new List<(string Number, string Name, string Kind, string? Nace, string? Nuts)>();
        await using (var conn = new SqliteConnection($"Data Source={from};Mode=ReadOnly"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT EnterpriseNumber, Name, Kind, NaceCode, NutsRegion FROM organisations WHERE EnterpriseNumber IS NOT NULL ORDER BY EnterpriseNumber";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) orgs.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
        }
        var full = Path.Combine(outDir, "full");
        var update = Path.Combine(outDir, "update");
        Directory.CreateDirectory(full);
        Directory.CreateDirectory(update);
        var rng = new Random(21);

        // Besides the demo's organisations: a sole trader, and an enterprise that the update stops.
        var soleTrader = (Number: Digits(Number(9_100_001)), Name: "Jacobs Pieter", Kind: "SoleTrader", Nace: (string?)"71.12", Nuts: (string?)null);
        var entries = orgs.Append(soleTrader).ToList();

        WriteMeta(Path.Combine(full, "meta.csv"), "full", 140, "06-11-2026");
        using (var w = Csv(Path.Combine(full, "code.csv"), "Category", "Code", "Language", "Description")) WriteCodes(w);
        using (var e = Csv(Path.Combine(full, "enterprise.csv"), "EnterpriseNumber", "Status", "JuridicalSituation", "TypeOfEnterprise", "JuridicalForm", "JuridicalFormCAC", "StartDate"))
        using (var d = Csv(Path.Combine(full, "denomination.csv"), "EntityNumber", "Language", "TypeOfDenomination", "Denomination"))
        using (var a = Csv(Path.Combine(full, "address.csv"), "EntityNumber", "TypeOfAddress", "CountryNL", "CountryFR", "Zipcode", "MunicipalityNL", "MunicipalityFR", "StreetNL", "StreetFR", "HouseNumber", "Box", "ExtraAddressInfo", "DateStrikingOff"))
        using (var act = Csv(Path.Combine(full, "activity.csv"), "EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification"))
        {
            foreach (var o in entries) WriteEnterprise(o, e, d, a, act, rng);
        }
        File.WriteAllText(Path.Combine(full, "establishment.csv"), "\"EstablishmentNumber\",\"StartDate\",\"EnterpriseNumber\"\r\n");

        // The update (extract 141): a company stopped, a cluster organisation renamed, a new enterprise.
        var stopped = orgs.First(o => o.Kind == "Company");
        var renamed = orgs.First(o => o.Name.StartsWith("Catalisti", StringComparison.Ordinal));
        var added = (Number: Digits(Number(9_100_002)), Name: "Nieuwkomer Circulair BV", Kind: "Company", Nace: (string?)"20.16", Nuts: (string?)"BE23");
        WriteMeta(Path.Combine(update, "meta.csv"), "update", 141, "04-12-2026");
        using (var w = Csv(Path.Combine(update, "code.csv"), "Category", "Code", "Language", "Description")) WriteCodes(w);
        using (var w = Csv(Path.Combine(update, "enterprise_delete.csv"), "EntityNumber")) Row(w, Dotted(stopped.Number));
        using (var w = Csv(Path.Combine(update, "denomination_delete.csv"), "EntityNumber")) { Row(w, Dotted(stopped.Number)); Row(w, Dotted(renamed.Number)); }
        using (var w = Csv(Path.Combine(update, "address_delete.csv"), "EntityNumber")) Row(w, Dotted(stopped.Number));
        using (var w = Csv(Path.Combine(update, "activity_delete.csv"), "EntityNumber")) Row(w, Dotted(stopped.Number));
        using (var e = Csv(Path.Combine(update, "enterprise_insert.csv"), "EnterpriseNumber", "Status", "JuridicalSituation", "TypeOfEnterprise", "JuridicalForm", "JuridicalFormCAC", "StartDate"))
        using (var d = Csv(Path.Combine(update, "denomination_insert.csv"), "EntityNumber", "Language", "TypeOfDenomination", "Denomination"))
        using (var a = Csv(Path.Combine(update, "address_insert.csv"), "EntityNumber", "TypeOfAddress", "CountryNL", "CountryFR", "Zipcode", "MunicipalityNL", "MunicipalityFR", "StreetNL", "StreetFR", "HouseNumber", "Box", "ExtraAddressInfo", "DateStrikingOff"))
        using (var act = Csv(Path.Combine(update, "activity_insert.csv"), "EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification"))
        {
            WriteEnterprise(added, e, d, a, act, rng);
            Row(d, Dotted(renamed.Number), "2", "001", "Catalisti - Vlaamse chemieclusterorganisatie");
            Row(d, Dotted(renamed.Number), "2", "002", "Catalisti");
        }
        Console.WriteLine($"sample: {entries.Count} enterprises; update stops {stopped.Number} ({stopped.Name}), renames {renamed.Number}, adds {added.Number}");
        return 0;
    }

    private static string Digits(string dotted) => dotted.Replace(".", "", StringComparison.Ordinal);

    private static void WriteMeta(string path, string type, int number, string snapshot)
    {
        using var w = Csv(path, "Variable", "Value");
        Row(w, "SnapshotDate", snapshot);
        Row(w, "ExtractTimestamp", snapshot + " 04:12:55");
        Row(w, "ExtractType", type);
        Row(w, "ExtractNumber", number.ToString(CultureInfo.InvariantCulture));
        Row(w, "Version", "1.0.0");
    }

    private static void WriteEnterprise((string Number, string Name, string Kind, string? Nace, string? Nuts) o, StreamWriter e, StreamWriter d, StreamWriter a, StreamWriter act, Random rng)
    {
        var number = Dotted(o.Number);
        var natural = o.Kind == "SoleTrader";
        var form = natural ? "" : o.Kind switch
        {
            "CivilSociety" => "017",
            "KnowledgeInstitution" => "325",
            _ => o.Name.EndsWith(" NV", StringComparison.Ordinal) ? "014" : o.Name.EndsWith(" CV", StringComparison.Ordinal) ? "706" : "610",
        };
        Row(e, number, "AC", "000", natural ? "1" : "2", form, "", new DateOnly(1970, 1, 1).AddDays(rng.Next(0, 19_000)).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        // The name as the KBO has it: the demo's name, its legal-form suffix written out for a few, and a French one for some.
        Row(d, number, "2", "001", o.Name);
        if (rng.NextDouble() < 0.2) Row(d, number, "1", "001", o.Name + " (FR)");
        if (rng.NextDouble() < 0.3) Row(d, number, "2", "003", o.Name.Split(' ')[0] + " Handel");
        if (!natural && o.Nuts is { } nuts && ByRegion.TryGetValue(nuts[..Math.Min(4, nuts.Length)], out var place))
            Row(a, number, "REGO", "", "", place.Zip, place.Nl, place.Fr, "Kerkstraat", "Rue de l'Église", (1 + rng.Next(120)).ToString(CultureInfo.InvariantCulture), "", "", "");
        var nace = o.Nace is { } n ? n.Replace(".", "", StringComparison.Ordinal).PadRight(5, '0') : "70220";
        Row(act, number, "001", "2008", nace, "MAIN");
        Row(act, number, "001", "2008", "46900", "SECO");
    }
}
