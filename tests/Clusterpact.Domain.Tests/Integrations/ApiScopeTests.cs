using System.Text;
using Clusterpact.Domain.Integrations;

namespace Clusterpact.Domain.Tests.Integrations;

public sealed class ApiScopeTests
{
    private static ApiScopeSet Parse(string text) => ApiScopeSet.Parse(text).Value!;

    [Theory]
    [InlineData("members:read", ApiArea.Members, ApiAccess.Read)]
    [InlineData("PAYMENTS:Write", ApiArea.Payments, ApiAccess.Write)]
    [InlineData(" kpis:read ", ApiArea.Kpis, ApiAccess.Read)]
    public void A_scope_is_an_area_and_an_access_in_any_case(string text, ApiArea area, ApiAccess access)
    {
        Assert.True(ApiScope.TryParse(text, out var scope));
        Assert.Equal(new ApiScope(area, access), scope);
    }

    [Theory]
    [InlineData("")]
    [InlineData("members")]
    [InlineData("members:")]
    [InlineData(":read")]
    [InlineData("members:delete")]
    [InlineData("users:read")]
    [InlineData("1:0")]
    [InlineData("members:read:write")]
    [InlineData("Read, Write:read")]
    public void Anything_else_is_not_a_scope(string text) => Assert.False(ApiScope.TryParse(text, out _));

    [Fact]
    public void One_unknown_scope_makes_the_whole_set_invalid_and_an_empty_set_is_refused()
    {
        Assert.Equal("Clients.UnknownScope", ApiScopeSet.Parse("members:read users:write").Error!.Code);
        Assert.Equal("Clients.NoScope", ApiScopeSet.Parse("   ").Error!.Code);
    }

    [Fact]
    public void A_read_scope_reads_its_area_only_and_never_writes()
    {
        var scopes = Parse("members:read");
        Assert.True(scopes.Allows(ApiArea.Members, ApiAccess.Read));
        Assert.False(scopes.Allows(ApiArea.Members, ApiAccess.Write));
        Assert.False(scopes.Allows(ApiArea.Payments, ApiAccess.Read));
    }

    [Fact]
    public void A_write_scope_also_reads_its_area_but_no_other()
    {
        var scopes = Parse("kpis:write");
        Assert.True(scopes.Allows(ApiArea.Kpis, ApiAccess.Write));
        Assert.True(scopes.Allows(ApiArea.Kpis, ApiAccess.Read));
        Assert.False(scopes.Allows(ApiArea.Members, ApiAccess.Read));
    }

    [Fact]
    public void Endpoints_about_the_caller_itself_need_any_scope_of_the_access_asked()
    {
        Assert.True(Parse("members:read").AllowsAny(ApiAccess.Read));
        Assert.False(Parse("members:read").AllowsAny(ApiAccess.Write));
        Assert.True(Parse("members:write").AllowsAny(ApiAccess.Write));
        Assert.False(ApiScopeSet.Empty.AllowsAny(ApiAccess.Read));
    }

    [Theory]
    [InlineData("GET", ApiAccess.Read)]
    [InlineData("head", ApiAccess.Read)]
    [InlineData("OPTIONS", ApiAccess.Read)]
    [InlineData("POST", ApiAccess.Write)]
    [InlineData("PUT", ApiAccess.Write)]
    [InlineData("PATCH", ApiAccess.Write)]
    [InlineData("DELETE", ApiAccess.Write)]
    public void Only_methods_that_change_nothing_are_reads(string method, ApiAccess access) => Assert.Equal(access, ApiScope.AccessOf(method));

    [Fact]
    public void Asking_for_scopes_gives_only_those_the_client_has()
    {
        var granted = Parse("members:write payments:read");
        Assert.Equal("members:read payments:read", granted.Narrow(Parse("members:read payments:write kpis:read")).ToString());
        Assert.True(granted.Narrow(Parse("kpis:read")).IsEmpty);
    }

    [Fact]
    public void The_stored_form_is_ordered_and_drops_a_read_that_a_write_covers()
    {
        Assert.Equal("members:write payments:read", Parse("payments:read members:read members:write").ToString());
    }
}

public sealed class ApiCredentialTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_credential_is_valid_until_its_expiry_moment_and_expired_from_it()
    {
        var expires = Now.AddHours(1);
        Assert.Equal(CredentialState.Valid, ApiCredential.StateAt(Now, expires, null));
        Assert.Equal(CredentialState.Valid, ApiCredential.StateAt(expires.AddTicks(-1), expires, null));
        Assert.Equal(CredentialState.Expired, ApiCredential.StateAt(expires, expires, null));
    }

    [Fact]
    public void Revoking_ends_a_credential_from_that_moment_whatever_its_expiry()
    {
        Assert.Equal(CredentialState.Revoked, ApiCredential.StateAt(Now, Now.AddDays(30), Now));
        Assert.Equal(CredentialState.Valid, ApiCredential.StateAt(Now, Now.AddDays(30), Now.AddMinutes(1)));
        Assert.Equal(CredentialState.Revoked, ApiCredential.StateAt(Now.AddDays(31), Now.AddDays(30), Now));
    }

    [Fact]
    public void A_last_day_ends_at_midnight_in_Brussels_after_it_given_in_UTC()
    {
        Assert.Equal(TimeSpan.Zero, ApiCredential.ExpiryFor(new DateOnly(2026, 12, 31), Now).Value.Offset);
        // Winter: Brussels is UTC+1, so the end of 31 December is 23:00 UTC that day.
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero), ApiCredential.ExpiryFor(new DateOnly(2026, 12, 31), Now).Value.ToUniversalTime());
        // Summer: UTC+2.
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 22, 0, 0, TimeSpan.Zero), ApiCredential.ExpiryFor(new DateOnly(2027, 7, 1), Now).Value.ToUniversalTime());
    }

    [Fact]
    public void Today_is_allowed_a_past_day_is_not_and_nothing_lives_longer_than_a_year()
    {
        Assert.True(ApiCredential.ExpiryFor(new DateOnly(2026, 12, 1), Now).IsSuccess);
        Assert.Equal("Clients.ExpiryInPast", ApiCredential.ExpiryFor(new DateOnly(2026, 11, 30), Now).Error!.Code);
        Assert.True(ApiCredential.ExpiryFor(new DateOnly(2027, 11, 30), Now).IsSuccess);
        Assert.Equal("Clients.ExpiryTooLate", ApiCredential.ExpiryFor(new DateOnly(2027, 12, 2), Now).Error!.Code);
    }

    [Fact]
    public void An_access_token_lives_an_hour_but_never_past_the_secret()
    {
        Assert.Equal(Now.AddHours(1), ApiCredential.AccessTokenExpiry(Now, Now.AddDays(10)));
        Assert.Equal(Now.AddMinutes(20), ApiCredential.AccessTokenExpiry(Now, Now.AddMinutes(20)));
    }
}

public sealed class WebhookRulesTests
{
    [Fact]
    public void Every_event_raised_by_a_step_names_a_step_its_lifecycle_has()
    {
        var tables = StepNoticesTests.Tables().ToDictionary(t => t.Name, t => t.Steps);
        foreach (var (lifecycle, step, _) in WebhookEvents.Steps)
            Assert.True(tables.TryGetValue(lifecycle, out var steps) && steps.Contains(step), $"{lifecycle}.{step}");
    }

    [Fact]
    public void The_steps_other_systems_wait_for_raise_their_events()
    {
        Assert.Equal(WebhookEvent.PaymentApproved, WebhookEvents.Of("Payment", AidPayment.Approve));
        Assert.Equal(WebhookEvent.ReportSubmitted, WebhookEvents.Of("Report", ReportLifecycle.Submit));
        Assert.Equal(WebhookEvent.ReportAccepted, WebhookEvents.Of("Report", ReportLifecycle.Accept));
        Assert.Equal(WebhookEvent.ApplicationDecided, WebhookEvents.Of("Application", ApplicationLifecycle.Decide));
        Assert.Null(WebhookEvents.Of("Payment", AidPayment.Reject));
        Assert.Null(WebhookEvents.Of("Report", ReportLifecycle.Return));
    }

    [Fact]
    public void Every_event_has_a_wire_name_and_an_area_whose_read_scope_it_needs()
    {
        Assert.Equal(["agreement.changed", "application.decided", "payment.approved", "report.accepted", "report.submitted"],
            Enum.GetValues<WebhookEvent>().Select(WebhookEvents.NameOf).Order(StringComparer.Ordinal));
        Assert.Equal(ApiArea.Payments, WebhookEvents.AreaOf(WebhookEvent.PaymentApproved));
        Assert.Equal(ApiArea.Agreements, WebhookEvents.AreaOf(WebhookEvent.AgreementChanged));
    }

    [Fact]
    public void A_failed_delivery_is_retried_after_30_seconds_doubling_and_given_up_after_the_last_attempt()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), WebhookEvents.RetryAfter(1));
        Assert.Equal(TimeSpan.FromMinutes(1), WebhookEvents.RetryAfter(2));
        Assert.Equal(TimeSpan.FromMinutes(2), WebhookEvents.RetryAfter(3));
        Assert.Equal(TimeSpan.FromMinutes(32), WebhookEvents.RetryAfter(WebhookEvents.MaxAttempts - 1));
        Assert.Null(WebhookEvents.RetryAfter(WebhookEvents.MaxAttempts));
    }

    [Fact]
    public void The_signature_is_the_known_HMAC_SHA256_of_the_body_and_only_that_body_verifies()
    {
        var body = Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog");
        const string expected = "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";
        Assert.Equal(expected, WebhookSignature.Sign("key", body));
        Assert.True(WebhookSignature.Verify("key", body, expected));
        Assert.False(WebhookSignature.Verify("other key", body, expected));
        Assert.False(WebhookSignature.Verify("key", Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy cat"), expected));
        Assert.False(WebhookSignature.Verify("key", body, null));
    }
}
