using System.Text.Json;

namespace Clusterpact.Web.Infrastructure.EnterpriseRegister;

/// <summary>The enterprise register's settings (appsettings section EnterpriseRegister).</summary>
public static class RegisterSettings
{
    /// <summary>The server folder an administrator may load extracts from (zips or unpacked folders); default data/kbo.</summary>
    public static string Folder(IConfiguration config, IHostEnvironment env) => Rooted(config["EnterpriseRegister:Folder"] ?? "data/kbo", env);

    /// <summary>Where an uploaded zip waits for its job; default data/uploads.</summary>
    public static string UploadFolder(IConfiguration config, IHostEnvironment env) => Rooted(config["Import:UploadFolder"] ?? "data/uploads", env);

    /// <summary>The shipped sample (a full extract and an update in the real format), beside the application's files.</summary>
    public static string SampleFolder => Path.Combine(AppContext.BaseDirectory, "Data", "Kbo", "sample");

    /// <summary>An upload of a whole full extract is about 300 MB zipped; larger files go through the server folder.</summary>
    public const long MaxUploadBytes = 1024L * 1024 * 1024;

    private static string Rooted(string folder, IHostEnvironment env) => Path.IsPathRooted(folder) ? folder : Path.Combine(env.ContentRootPath, folder);
}

public static class RegisterServices
{
    public static IServiceCollection AddEnterpriseRegister(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<RegisterLoader>();
        services.AddScoped<IJobHandler, RegisterLoadJob>();
        services.AddScoped<EnterpriseRegisterLookup>();
        if (config.GetValue("Demo:Load", false) && config.GetValue("EnterpriseRegister:LoadSampleWithDemo", true))
            services.AddHostedService<DemoRegisterSample>();
        return services;
    }
}

/// <summary>
/// With the demo data, the shipped sample is loaded once as two jobs (the full extract, then the update), so the demo's
/// organisations show what the register says of them and what its last extract changed.
/// </summary>
public sealed class DemoRegisterSample(IServiceScopeFactory scopes, ILogger<DemoRegisterSample> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        if (await db.RegisterLoads.AnyAsync(cancellationToken) || await db.BackgroundJobs.AnyAsync(j => j.Kind == RegisterLoadJob.JobKind, cancellationToken)) return;
        if (!Directory.Exists(RegisterSettings.SampleFolder)) { log.LogWarning("No register sample at {Folder}", RegisterSettings.SampleFolder); return; }
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        foreach (var part in new[] { "full", "update" })
        {
            var input = new RegisterLoadInput(Path.Combine(RegisterSettings.SampleFolder, part), $"KBO sample ({part})", false);
            await queue.EnqueueAsync(RegisterLoadJob.JobKind, JsonSerializer.Serialize(input), null, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
