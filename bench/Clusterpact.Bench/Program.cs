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

// Member-import benchmark (bench/import.sh runs the whole table): "import-file" writes an N-row member list (valid
// enterprise numbers, 1% bad rows); "import" commits such a file into an empty register (a new SQLite file or PostgreSQL
// database) through the import job's own code path (MemberImportKind.CommitAsync: streaming read, the domain's rules,
// set-based write, audit rows), in a process of its own so that its peak resident memory is the import's.
//   dotnet bench/Clusterpact.Bench/bin/Release/net10.0/Clusterpact.Bench.dll import-file --rows 100000 --format csv --out /tmp/leden.csv
//   dotnet bench/Clusterpact.Bench/bin/Release/net10.0/Clusterpact.Bench.dll import --file /tmp/leden.csv --db postgres --pg "Host=127.0.0.1;Port=5433;Username=postgres"
// The data set of issue 18 (DataSet.cs) is written by "generate", through bench/generate.sh.
var options = args.Skip(1).Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => args.Skip(1).ElementAtOrDefault(x.i + 1) ?? "");
switch (args.FirstOrDefault())
{
    case "generate": return await DataSet.RunAsync(options);
    case "kbo": return await KboBench.RunAsync(options);
    case "kbo-sample": return await KboBench.SampleAsync(options);
    case "import-file":
    {
        var count = int.Parse(options.GetValueOrDefault("rows", "100000"), CultureInfo.InvariantCulture);
        var path = options["out"];
        var sw = Stopwatch.StartNew();
        Generate(path, count, TabularFile.FormatOf(path) ?? TabularFormat.Csv);
        Console.WriteLine($"{path}: {count} rows, {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB in {sw.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
    case "import": break;
    default:
        Console.Error.WriteLine("usage: import-file --rows N --out FILE.csv|FILE.xlsx");
        Console.Error.WriteLine("       import --file FILE [--db sqlite|postgres] [--pg CONNECTION]");
        Console.Error.WriteLine("       generate --db postgres|sqlite --connection CONNECTION [--factor 1] [--seed 18]   (bench/generate.sh)");
        Console.Error.WriteLine("       kbo [--factor 0.1] [--db sqlite|postgres|both] [--pg SERVER]   (bench/kbo.sh)");
        Console.Error.WriteLine("       kbo-sample --from DEMO.db --out DIR");
        return 2;
}
var file = options["file"];
var format = TabularFile.FormatOf(file) ?? TabularFormat.Csv;
var onPostgres = options.GetValueOrDefault("db", "sqlite") == "postgres";
var work = Directory.CreateTempSubdirectory("clusterpact-bench-");
try
{
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

    // The product's schema and one cluster; the register is empty.
    var session = new ImportSession
    {
        CreatedAt = DateTimeOffset.UtcNow, FileName = Path.GetFileName(file), Format = format, StoredPath = Path.Combine(work.FullName, Path.GetFileName(file)),
        DefaultMemberSince = new DateOnly(2026, 1, 1), FiguresYear = 2025, Status = ImportSessionStatus.Committing,
    };
    File.Copy(file, session.StoredPath);
    using (var reader = UploadStore.Open(session)) session.Mapping = System.Text.Json.JsonSerializer.Serialize(MemberImportValidator.Columns.AutoMap(reader.Header));
    await using (var scope = provider.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        await db.Database.MigrateAsync();
        var cluster = new Cluster("Bench cluster", ClusterType.SpearheadCluster, "benchmarks", "bench", new DateOnly(2020, 1, 1), null, ClusterStatus.Supported);
        db.Clusters.Add(cluster);
        session.ClusterId = cluster.Id;
        db.ImportSessions.Add(session);
        await db.SaveChangesAsync();
    }
    var before = PeakResidentMegabytes();

    var process = Process.GetCurrentProcess();
    if (options.ContainsKey("judge"))
    {
        // What the commit button does first: read and judge every row, keeping only counts.
        await using var scope = provider.CreateAsyncScope();
        var (judgeWall, judgeCpu) = (Stopwatch.StartNew(), process.TotalProcessorTime);
        await scope.ServiceProvider.GetRequiredService<MemberImportKind>().CountAsync(session, default);
        process.Refresh();
        Console.WriteLine($"  read and judge: {judgeWall.Elapsed.TotalSeconds:F2} s, CPU {(process.TotalProcessorTime - judgeCpu).TotalSeconds:F2} s");
    }

    await using (var scope = provider.CreateAsyncScope())
    {
        var sw = Stopwatch.StartNew();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var (allocated, gcs) = (GC.GetTotalAllocatedBytes(), Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray());
        var counts = await scope.ServiceProvider.GetRequiredService<MemberImportKind>().CommitAsync(session, new NoProgress(), default);
        var elapsed = sw.Elapsed;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        var (allocatedMb, gcCounts) = ((GC.GetTotalAllocatedBytes() - allocated) / 1024 / 1024, Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - gcs[g]).ToArray());
        var rows = counts.Accepted + counts.Updated + counts.Rejected + counts.Skipped;
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        var written = (await db.Organisations.CountAsync(), await db.Memberships.CountAsync(), await db.AuditEntries.CountAsync());
        var peak = PeakResidentMegabytes();
        // One line the script puts in its table: database, format, rows, seconds, rows/s, peak RSS (MB).
        // (The CPU seconds are this process's; on PostgreSQL the server's own work is not in them.)
        Console.WriteLine($"RESULT {(onPostgres ? "PostgreSQL" : "SQLite")} {format.ToString().ToLowerInvariant()} {rows} {elapsed.TotalSeconds:F2} {rows / elapsed.TotalSeconds:F0} {peak} {cpuSeconds:F2}");
        Console.WriteLine($"  {counts.Accepted} accepted, {counts.Rejected} rejected; register now {written.Item1} organisations, {written.Item2} memberships, {written.Item3} audit rows; peak RSS before the commit {before} MB; "
            + $"the commit allocated {allocatedMb} MB, collections gen0/1/2 {gcCounts[0]}/{gcCounts[1]}/{gcCounts[2]}");
        if (onPostgres) await db.Database.EnsureDeletedAsync();
    }
    return 0;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    work.Delete(recursive: true);
}

// The process's peak resident set (VmHWM), what "peak RSS" means on Linux.
static long PeakResidentMegabytes()
{
    var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

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
