using Clusterpact.Web.Data.Seed;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clusterpact.Web.Infrastructure.Setup;

/// <summary>What the console says once the server listens: its addresses, the demo logins, or how to create the first account.</summary>
public static class StartupBanner
{
    public static IServiceCollection AddClusterpactFirstRun(this IServiceCollection services)
    {
        services.TryAddSingleton(new StartupConsole(Console.Out));
        return services.AddScoped<FirstRunSetup>();
    }

    /// <summary>Prints the banner when the server has started.</summary>
    public static void PrintWhenStarted(this WebApplication app, StartState start) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            app.Services.GetRequiredService<StartupConsole>().WriteLine(string.Join(Environment.NewLine, Lines(addresses, start)));
        });

    public static IReadOnlyList<string> Lines(IEnumerable<string> addresses, StartState start)
    {
        var lines = new List<string> { "", "Clusterpact is running:" };
        lines.AddRange(addresses.Select(a => "  " + a));
        if (start.DemoRefused)
            lines.Add("Demo:Load is ignored in the Production environment: demo accounts have published passwords. Set Demo:AllowInProduction=true to load them anyway.");
        if (start.DemoLoaded)
        {
            lines.Add($"Demo logins (password for all: {DemoLogins.Password}):");
            lines.AddRange(DemoLogins.All.Select(l => $"  {l.Email,-40} {l.Role}{(l.Cluster is null ? "" : " (" + l.Cluster + ")")}"));
        }
        if (start.SetupLink is { } setup)
        {
            lines.Add("No account exists yet. Create the first administrator with this one-time link");
            lines.Add($"(valid once, until {setup.ExpiresAt:yyyy-MM-dd HH:mm} UTC; a restart prints a new one):");
            lines.Add("  " + setup.Link);
        }
        lines.Add("");
        return lines;
    }
}

/// <summary>
/// Where the start-up messages go: the process console, or (in tests) a writer of the installation's own, so that two
/// installations started at once in one process never read each other's lines.
/// </summary>
public sealed class StartupConsole(TextWriter writer)
{
    private readonly object _gate = new();
    public void WriteLine(string line) { lock (_gate) writer.WriteLine(line); }
}
