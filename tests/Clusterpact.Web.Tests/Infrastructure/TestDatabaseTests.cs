using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>
/// A test host's throwaway database goes when the fixture is disposed, also when the host fails to stop (a hosted service
/// that throws on the way down, a shutdown that times out on a loaded machine): the PostgreSQL runs left
/// <c>clusterpact_test_*</c> databases on the shared server.
/// </summary>
[Collection(FreshInstallations.Name)]
public sealed class TestDatabaseTests
{
    /// <summary>The whole application with a hosted service that throws when the host stops.</summary>
    private sealed class StopFailingApp : ClusterpactApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddHostedService<FailsToStop>());
        }
    }

    private sealed class FailsToStop : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("fails to stop");
    }

    [Fact]
    public async Task A_host_that_fails_to_stop_still_drops_its_database()
    {
        var app = new StopFailingApp();
        var lifetime = (IAsyncLifetime)app;
        await lifetime.InitializeAsync();
        Assert.True(await app.Database.ExistsAsync());

        await Assert.ThrowsAnyAsync<Exception>(lifetime.DisposeAsync);

        Assert.False(await app.Database.ExistsAsync());
    }
}
