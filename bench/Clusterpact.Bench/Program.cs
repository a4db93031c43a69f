using System.Diagnostics;
using System.Globalization;
using Clusterpact.Domain.Clusters;
using Clusterpact.Domain.Members;
using Clusterpact.Web.Data;
using Clusterpact.Web.Features.Organisations.Import;
using Clusterpact.Web.Infrastructure.Audit;
using Clusterpact.Web.Infrastructure.Import;
using Clusterpact.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

// Member-import benchmark: generates an N-row member list, then reads, validates and commits it into an empty
// register (SQLite file or PostgreSQL), the same code path the import job runs. Prints each phase's time,
// rows per second and the process's peak memory.
//   dotnet run -c Release --project bench/Clusterpact.Bench -- import --rows 100000 --format xlsx --db sqlite
//   dotnet run -c Release --project bench/Clusterpact.Bench -- import --rows 100000 --db postgres --pg "Host=127.0.0.1;Port=5433;Username=postgres"
// The data set of issue 18 (DataSet.cs) is written by "generate", through bench/generate.sh.
var options = args.Skip(1).Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => args.Skip(1).ElementAtOrDefault(x.i + 1) ?? "");
if (args.FirstOrDefault() == "generate") return await DataSet.RunAsync(options);
if (args.FirstOrDefault() == "kbo") return await KboBench.RunAsync(options);
if (args.FirstOrDefault() == "kbo-sample") return await KboBench.SampleAsync(options);
if (args.FirstOrDefault() != "import")
{
    Console.Error.WriteLine("usage: import --rows N [--format xlsx|csv] [--db sqlite|postgres] [--pg CONNECTION]");
    Console.Error.WriteLine("       generate --db postgres|sqlite --connection CONNECTION [--factor 1] [--seed 18]   (bench/generate.sh)");
    Console.Error.WriteLine("       kbo [--factor 0.1] [--db sqlite|postgres|both] [--pg SERVER]   (bench/kbo.sh)");
    Console.Error.WriteLine("       kbo-sample --from DEMO.db --out DIR");
    return 2;
}
var rows = int.Parse(options.GetValueOrDefault("rows", "100000"), CultureInfo.InvariantCulture);
var format = options.GetValueOrDefault("format", "xlsx") == "csv" ? TabularFormat.Csv : TabularFormat.Xlsx;
var onPostgres = options.GetValueOrDefault("db", "sqlite") == "postgres";
var work = Directory.CreateTempSubdirectory("clusterpact-bench-");
try
{
    var file = Path.Combine(work.FullName, format == TabularFormat.Xlsx ? "leden.xlsx" : "leden.csv");
    var sw = Stopwatch.StartNew();
    Generate(file, rows, format);
    Report("generate file", sw.Elapsed, rows, $"{new FileInfo(file).Length / 1024.0 / 1024.0:F1} MB");

    var services = new ServiceCollection();
    services.AddSingleton(TimeProvider.System);
    services.AddScoped<AuditInterceptor>();
    var pgDatabase = $"clusterpact_bench_{Guid.NewGuid():N}";
    var pgServer = options.GetValueOrDefault("pg", "Host=127.0.0.1;Port=5433;Username=postgres");
    if (onPostgres)
        services.AddDbContext<ClusterpactDbContext, PostgresClusterpactDbContext>((sp, o) => o.UseNpgsql($"{pgServer};Database={pgDatabase}").AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
    else
        services.AddDbContext<ClusterpactDbContext, SqliteClusterpactDbContext>((sp, o) => o.UseSqlite($"Data Source={Path.Combine(work.FullName, "bench.db")}").AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
    services.AddScoped<MemberImportKind>();
    services.AddScoped<Clusterpact.Web.Infrastructure.EnterpriseRegister.EnterpriseRegisterLookup>();
    await using var provider = services.BuildServiceProvider();

    Guid clusterId;
    await using (var scope = provider.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        await db.Database.MigrateAsync();
        var cluster = new Cluster("Bench cluster", ClusterType.SpearheadCluster, "benchmarks", "bench", new DateOnly(2020, 1, 1), null, ClusterStatus.Supported);
        db.Clusters.Add(cluster);
        await db.SaveChangesAsync();
        clusterId = cluster.Id;
    }

    var session = new ImportSession
    {
        ClusterId = clusterId, CreatedAt = DateTimeOffset.UtcNow, FileName = Path.GetFileName(file), Format = format, StoredPath = file,
        DefaultMemberSince = new DateOnly(2026, 1, 1), FiguresYear = 2025, Status = ImportSessionStatus.Committing,
    };
    sw.Restart();
    var data = UploadStore.Read(session);
    Report("read file", sw.Elapsed, rows);
    var mapping = MemberImportValidator.Columns.AutoMap(data.Header);
    session.Mapping = System.Text.Json.JsonSerializer.Serialize(mapping);

    await using (var scope = provider.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        db.ImportSessions.Add(session);
        await db.SaveChangesAsync();
        sw.Restart();
        var report = (await scope.ServiceProvider.GetRequiredService<MemberImportKind>().PreviewAsync(session, default)).Report!;
        Report("read+validate (preview)", sw.Elapsed, rows, $"{report.Accepted} accepted, {report.Rejected} rejected");
    }
    await using (var scope = provider.CreateAsyncScope())
    {
        sw.Restart();
        var report = await scope.ServiceProvider.GetRequiredService<MemberImportKind>().CommitAsync(session, new NoProgress(), default);
        Report("commit (read+validate+write)", sw.Elapsed, rows, $"{report.Accepted} organisations and memberships written");
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        Console.WriteLine($"register now: {await db.Organisations.CountAsync()} organisations, {await db.Memberships.CountAsync()} memberships, {await db.AuditEntries.CountAsync()} audit rows");
        if (onPostgres) await db.Database.EnsureDeletedAsync();
    }
    Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
    return 0;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    work.Delete(recursive: true);
}

static void Report(string phase, TimeSpan elapsed, int rows, string extra = "") =>
    Console.WriteLine($"{phase,-30} {elapsed.TotalSeconds,8:F2} s  {rows / Math.Max(elapsed.TotalSeconds, 1e-9),10:F0} rows/s  {extra}");

// A realistic list: enterprise numbers with valid check digits, Belgian numbers and dates, 1% bad rows.
static void Generate(string path, int count, TabularFormat format)
{
    var rng = new Random(42);
    IEnumerable<Dictionary<string, object?>> Rows()
    {
        for (var i = 0; i < count; i++)
        {
            var body = 2_000_000 + i;
            var number = "0" + body.ToString("D7", CultureInfo.InvariantCulture) + (97 - body % 97).ToString("D2", CultureInfo.InvariantCulture);
            if (i % 100 == 99) number = number[..9] + (number[9] == '0' ? '1' : '0'); // a wrong check digit
            yield return new Dictionary<string, object?>
            {
                ["Naam"] = $"Bedrijf {i} BV",
                ["Ondernemingsnummer"] = $"BE {number[..4]}.{number[4..7]}.{number[7..]}",
                ["Soort"] = i % 20 == 0 ? "Kennisinstelling" : "Bedrijf",
                ["Lid sinds"] = new DateOnly(2017, 1, 1).AddDays(rng.Next(0, 3000)).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
                ["Rol"] = i % 50 == 0 ? "Bestuurslid" : "Lid",
                ["Lidgeld"] = (500 * (1 + rng.Next(0, 5))).ToString("N2", new CultureInfo("nl-BE")),
                ["VTE"] = rng.Next(1, 400),
                ["Omzet"] = rng.Next(100_000, 90_000_000),
                ["Balanstotaal"] = rng.Next(100_000, 60_000_000),
                ["Internationaal actief"] = rng.Next(0, 10) < 6 ? "ja" : "nee",
            };
        }
    }
    if (format == TabularFormat.Xlsx) MiniExcel.SaveAs(path, Rows());
    else
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("Naam;Ondernemingsnummer;Soort;Lid sinds;Rol;Lidgeld;VTE;Omzet;Balanstotaal;Internationaal actief");
        foreach (var r in Rows()) writer.WriteLine(string.Join(';', r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!.Contains(';', StringComparison.Ordinal) ? $"\"{v}\"" : Convert.ToString(v, CultureInfo.InvariantCulture))));
    }
}

sealed class NoProgress : IJobProgress
{
    public Task ReportAsync(double fraction, string? text, CancellationToken ct) => Task.CompletedTask;
}
