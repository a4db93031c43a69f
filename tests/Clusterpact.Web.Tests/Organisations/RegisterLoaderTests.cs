using Clusterpact.Domain.EnterpriseRegister;
using Clusterpact.Web.Infrastructure.EnterpriseRegister;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Clusterpact.Web.Tests.Import;

namespace Clusterpact.Web.Tests.Organisations;

/// <summary>
/// The register loader on an empty database of the provider under test (no demo data: only the register's tables
/// matter): the sample extract and its update, an interrupted load that resumes without duplicates, and the order rules.
/// </summary>
public sealed class RegisterLoaderTests : IAsyncLifetime
{
    private readonly string _sqlite = Path.Combine(Path.GetTempPath(), $"clusterpact-kbo-{Guid.NewGuid():N}.db");
    private readonly string _pg = $"clusterpact_kbo_{Guid.NewGuid():N}";
    private readonly string _work = Directory.CreateTempSubdirectory("clusterpact-kbo-").FullName;

    private ClusterpactDbContext NewContext() => TestDatabase.OnPostgres
        ? new PostgresClusterpactDbContext(new DbContextOptionsBuilder<PostgresClusterpactDbContext>().UseNpgsql($"{TestDatabase.PostgresServer};Database={_pg}").Options)
        : new SqliteClusterpactDbContext(new DbContextOptionsBuilder<SqliteClusterpactDbContext>().UseSqlite($"Data Source={_sqlite}").Options);

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (TestDatabase.OnPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection($"{TestDatabase.PostgresServer};Database=postgres");
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pg}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqlite, _sqlite + "-wal", _sqlite + "-shm" }) File.Delete(f);
        }
        Directory.Delete(_work, recursive: true);
    }

    private async Task<RegisterLoadSummary> LoadAsync(string path, IJobProgress? progress = null)
    {
        await using var db = NewContext();
        var loader = new RegisterLoader(db, TimeProvider.System, NullLogger<RegisterLoader>.Instance);
        return await loader.LoadAsync(path, Path.GetFileName(path), null, progress ?? new ImportSteps.Progress(), CancellationToken.None);
    }

    private async Task<T> WithDbAsync<T>(Func<ClusterpactDbContext, Task<T>> work)
    {
        await using var db = NewContext();
        return await work(db);
    }

    [Fact]
    public async Task The_sample_extract_and_its_update_give_every_enterprise_once_with_what_changed()
    {
        var full = await LoadAsync(RegisterSample.Zip(RegisterSample.Full, Path.Combine(_work, "KboOpenData_0140_2026_11_Full.zip")));
        Assert.Equal(RegisterSample.FullEnterprises, full.Added);
        Assert.Equal(["code.csv", "enterprise.csv", "denomination.csv", "address.csv", "activity.csv"], full.Files.Select(f => f.File));
        Assert.Equal(RegisterSample.FullEnterprises, full.Files.Single(f => f.File == "enterprise.csv").RowsRead);
        Assert.Equal(RegisterSample.FullEnterprises, await WithDbAsync(db => db.RegisterEnterprises.CountAsync(e => e.IsActive)));

        var update = await LoadAsync(RegisterSample.Update);
        Assert.Equal((1L, 1L, 1L, 0L), (update.Added, update.Changed, update.Stopped, update.Restarted));
        var stopped = await WithDbAsync(db => db.RegisterEnterprises.AsNoTracking().SingleAsync(e => e.EnterpriseNumber == RegisterSample.Stopped));
        Assert.Equal((false, RegisterChange.Stopped, 141), (stopped.IsActive, stopped.Change, stopped.ChangedInExtract));
        Assert.NotNull(stopped.Name); // a stopped enterprise keeps what the register said of it last
        var renamed = await WithDbAsync(db => db.RegisterEnterprises.AsNoTracking().SingleAsync(e => e.EnterpriseNumber == RegisterSample.Renamed.Number));
        Assert.Equal((RegisterSample.Renamed.Name, RegisterChange.Changed), (renamed.Name, renamed.Change));
        Assert.NotEqual(renamed.Name, renamed.PreviousName);
        // The update touched only its names: the seat and activity stay.
        Assert.NotNull(renamed.PostalCode);
        Assert.NotNull(renamed.NaceCode);
        var added = await WithDbAsync(db => db.RegisterEnterprises.AsNoTracking().SingleAsync(e => e.EnterpriseNumber == RegisterSample.Added));
        Assert.Equal((true, RegisterChange.Added, 141), (added.IsActive, added.Change, added.FirstExtract));
        Assert.Equal(RegisterSample.FullEnterprises + 1, await WithDbAsync(db => db.RegisterEnterprises.CountAsync()));
        Assert.True(await WithDbAsync(db => db.RegisterCodes.AnyAsync(c => c.Category == "JuridicalForm" && c.Language == "NL")));
        Assert.Equal(1, await WithDbAsync(db => db.RegisterEnterprises.CountAsync(e => e.IsNaturalPerson && e.LegalForm == null && e.PostalCode == null)));
    }

    [Fact]
    public async Task A_load_interrupted_after_two_files_resumes_from_the_third_and_counts_every_enterprise_once()
    {
        var zip = RegisterSample.Zip(RegisterSample.Full, Path.Combine(_work, "full.zip"));
        // The third report is the end of denomination.csv: code.csv and enterprise.csv are staged, the names are not.
        await Assert.ThrowsAnyAsync<Exception>(() => LoadAsync(zip, new ImportSteps.Progress(failAt: 3)));
        var interrupted = await WithDbAsync(db => db.RegisterLoads.AsNoTracking().SingleAsync());
        Assert.False(interrupted.Completed);
        Assert.Equal(["code.csv", "enterprise.csv"], interrupted.StagedFiles.Split('|').Select(f => f.Split(':')[0]));
        Assert.Equal(0, await WithDbAsync(db => db.RegisterEnterprises.CountAsync()));

        var resumed = await LoadAsync(zip);
        Assert.Equal(RegisterSample.FullEnterprises, resumed.Added);
        Assert.Equal(RegisterSample.FullEnterprises, await WithDbAsync(db => db.RegisterEnterprises.CountAsync()));
        Assert.Equal(1, await WithDbAsync(db => db.RegisterLoads.CountAsync()));
        // Every enterprise has its name: denomination.csv was staged once, after the interruption.
        Assert.Equal(0, await WithDbAsync(db => db.RegisterEnterprises.CountAsync(e => e.Name == null)));

        var again = await LoadAsync(zip);
        Assert.True(again.AlreadyLoaded);
        Assert.Equal(RegisterSample.FullEnterprises, await WithDbAsync(db => db.RegisterEnterprises.CountAsync()));
    }

    [Fact]
    public async Task An_update_needs_the_extract_before_it_and_an_older_full_one_is_refused()
    {
        var early = await Assert.ThrowsAsync<JobFailedException>(() => LoadAsync(RegisterSample.Update));
        Assert.Equal("Register.UpdateNeedsFull", early.MessageKey);
        await LoadAsync(RegisterSample.Full);

        var gap = Path.Combine(_work, "update-143");
        Directory.CreateDirectory(gap);
        File.WriteAllText(Path.Combine(gap, "meta.csv"), "\"Variable\",\"Value\"\r\n\"SnapshotDate\",\"05-02-2027\"\r\n\"ExtractType\",\"update\"\r\n\"ExtractNumber\",\"143\"\r\n");
        Assert.Equal("Register.UpdateGap", (await Assert.ThrowsAsync<JobFailedException>(() => LoadAsync(gap))).MessageKey);

        var older = Path.Combine(_work, "full-139");
        Directory.CreateDirectory(older);
        File.WriteAllText(Path.Combine(older, "meta.csv"), "\"Variable\",\"Value\"\r\n\"SnapshotDate\",\"02-10-2026\"\r\n\"ExtractType\",\"full\"\r\n\"ExtractNumber\",\"139\"\r\n");
        Assert.Equal("Register.OlderThanLoaded", (await Assert.ThrowsAsync<JobFailedException>(() => LoadAsync(older))).MessageKey);

        var notAnExtract = Path.Combine(_work, "leden.zip");
        File.WriteAllText(notAnExtract, "not a zip");
        Assert.Equal("Register.NotAnExtract", (await Assert.ThrowsAsync<JobFailedException>(() => LoadAsync(notAnExtract))).MessageKey);
        Assert.Equal(RegisterSample.FullEnterprises, await WithDbAsync(db => db.RegisterEnterprises.CountAsync()));
    }
}
