using System.Net.Sockets;
using Clusterpact.Web.Infrastructure.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Clusterpact.Web.Tests.Nodes;

/// <summary>
/// Two nodes on one database (two hosts of the application over the same database) share what a person notices: the
/// key ring their cookies are protected with, the sign-in lock-out, and the first-run link. The real processes behind
/// nginx are proven by tests/nodes/run.sh.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SharedStateTests(ClusterpactApp app)
{
    [Fact]
    public async Task The_data_protection_key_ring_is_in_the_database_and_a_second_node_accepts_the_first_nodes_cookie()
    {
        var jar = new CookieJar();
        var first = app.CreateDefaultClient(jar);
        var login = await first.GetDocumentAsync("/Account/Login");
        var token = login.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var signedIn = await first.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Emails.Officer, ["Input.Password"] = Web.Data.Seed.DemoLogins.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.True(signedIn.IsSuccessStatusCode || signedIn.StatusCode == HttpStatusCode.Redirect, $"sign-in gave {(int)signedIn.StatusCode}");
        Assert.True(await app.WithDbAsync(db => db.DataProtectionKeys.CountAsync()) >= 1);

        using var second = app.WithWebHostBuilder(_ => { });
        var other = second.CreateDefaultClient(new CookieJar(jar.Snapshot()));
        other.DefaultRequestHeaders.Add("Accept", "application/json");
        var me = await other.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(Emails.Officer, await me.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Failed_sign_ins_counted_on_one_node_lock_the_pair_on_the_other()
    {
        using var second = app.WithWebHostBuilder(_ => { });
        var email = $"lock-{Guid.NewGuid():N}@example.org";
        const string address = "192.0.2.7";
        var locked = false;
        for (var i = 0; i < 5; i++)
            locked = await app.WithScopeAsync(sp => sp.GetRequiredService<SignInThrottle>().RecordFailureAsync(email, address, default));
        // ClusterpactApp counts a million failures before a pause; what matters is that both nodes read one count.
        await using var scope = second.Services.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>().SignInLockouts.AsNoTracking()
            .Where(l => l.Key.StartsWith(SignInThrottle.Normalise(email))).Select(l => l.Failures).SingleAsync();
        Assert.Equal(5, count);
        Assert.False(locked);
        await scope.ServiceProvider.GetRequiredService<SignInThrottle>().ResetAsync(email, address, default);
        Assert.False(await app.WithDbAsync(db => db.SignInLockouts.AnyAsync(l => l.Key.StartsWith(SignInThrottle.Normalise(email)))));
    }

    [Fact]
    public async Task Health_live_and_ready_answer_while_the_database_is_there()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task A_request_that_finds_the_database_gone_gets_the_503_page_not_the_500_one()
    {
        using var host = app.WithInterceptor<DatabaseGone>();
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/OpenCalls")).StatusCode);
        var gone = host.Services.GetRequiredService<DatabaseGone>();
        gone.Now = true;
        try
        {
            var page = await client.GetAsync("/OpenCalls");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("5", page.Headers.RetryAfter?.ToString());
            Assert.Contains("Tijdelijk niet beschikbaar", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var api = await client.GetAsync("/api/v1/open-data/awards");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            gone.Now = false;
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/OpenCalls")).StatusCode);
    }

    [Fact]
    public async Task A_statement_that_times_out_is_not_run_again()
    {
        Assert.False(OutageRetryStrategy.Retries(new Npgsql.NpgsqlException("Exception while reading from stream", new TimeoutException()), _ => true));
        Assert.True(OutageRetryStrategy.Retries(new Npgsql.NpgsqlException("refused", new SocketException((int)SocketError.ConnectionRefused)), _ => true));
        Assert.False(OutageRetryStrategy.Retries(new InvalidOperationException("a bug"), _ => false));

        // Through the product's own context: on PostgreSQL the retrying strategy is in place, and a timeout is tried once.
        using var host = app.WithInterceptor<TimesOut>();
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/OpenCalls")).StatusCode);
        var timesOut = host.Services.GetRequiredService<TimesOut>();
        timesOut.Now = true;
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/OpenCalls")).StatusCode);
            Assert.Equal(1, timesOut.Calls);
        }
        finally
        {
            timesOut.Now = false;
        }
    }

    /// <summary>Stands in for a statement that outlasts its command timeout: while <see cref="Now"/>, every query times out.</summary>
    private sealed class TimesOut : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public volatile bool Now;
        private int _calls;

        public int Calls => _calls;

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!Now) return ValueTask.FromResult(result);
            Interlocked.Increment(ref _calls);
            throw new Npgsql.NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt"));
        }
    }

    /// <summary>Stands in for PostgreSQL going away: while <see cref="Now"/>, every connection is refused.</summary>
    private sealed class DatabaseGone : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        public volatile bool Now;

        private Npgsql.NpgsqlException Refused() => new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult ConnectionOpening(System.Data.Common.DbConnection connection,
            Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result) =>
            Now ? throw Refused() : result;

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult> ConnectionOpeningAsync(System.Data.Common.DbConnection connection,
            Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result, CancellationToken cancellationToken = default) =>
            Now ? throw Refused() : ValueTask.FromResult(result);
    }

    [Fact]
    public void Unavailable_and_unique_errors_are_told_apart_from_bugs()
    {
        Assert.True(DatabaseErrors.IsUnavailable(new Npgsql.NpgsqlException("refused", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(DatabaseErrors.IsUnavailable(new InvalidOperationException("wrapped", new Npgsql.PostgresException("shutting down", "FATAL", "FATAL", "57P01"))));
        Assert.False(DatabaseErrors.IsUnavailable(new InvalidOperationException("a bug")));
        Assert.False(DatabaseErrors.IsUnavailable(new Npgsql.PostgresException("dup", "ERROR", "ERROR", "23505")));
        Assert.True(DatabaseErrors.IsUniqueViolation(new DbUpdateException("x", new Npgsql.PostgresException("dup", "ERROR", "ERROR", "23505"))));
    }
}

/// <summary>The first-run link printed by one node works on another: its hash is in the database, not in the process.</summary>
[Collection(FreshInstallations.Name)]
public sealed partial class SharedSetupLinkTests
{
    [System.Text.RegularExpressions.GeneratedRegex(@"https?://\S+/Account/Setup/[A-Za-z0-9_-]{40,}")]
    private static partial System.Text.RegularExpressions.Regex SetupLink();

    [Fact]
    public async Task The_setup_link_printed_by_one_node_opens_the_form_on_another()
    {
        await using var first = new FreshInstallation();
        var link = new Uri(SetupLink().Match(first.Printed).Value);
        using var second = first.WithWebHostBuilder(_ => { });
        var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
