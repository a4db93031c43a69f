using Clusterpact.Web.Features.Shared;
using System.Collections.Concurrent;
using Clusterpact.Domain.Integrations;
using Clusterpact.Web.Features.Agreements;
using Clusterpact.Web.Features.Clusters;
using Clusterpact.Web.Infrastructure.Clients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// Webhooks through the outbox (decision 0014): an approved payment reaches a receiver on loopback, signed so the
/// receiver can verify it; a first failure (500) is retried after the back-off with the same delivery id and body; and
/// two dispatchers at once (two nodes) deliver it once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WebhookTests(ClusterpactApp app)
{
    private sealed record Received(string DeliveryId, string Event, string Signature, string Timestamp, byte[] Body);

    /// <summary>A receiver as another system runs it: answers 500 the first time, 200 afterwards, and keeps what it was sent.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _web;
        public ConcurrentQueue<Received> Requests { get; } = new();

        private Receiver(WebApplication web) => _web = web;

        public string Url => _web.Urls.Single() + "/hook";

        public static async Task<Receiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var web = builder.Build();
            var receiver = new Receiver(web);
            web.MapPost("/hook", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                receiver.Requests.Enqueue(new Received(request.Headers[WebhookDispatcher.DeliveryHeader].ToString(), request.Headers[WebhookDispatcher.EventHeader].ToString(),
                    request.Headers[WebhookDispatcher.SignatureHeader].ToString(), request.Headers[WebhookDispatcher.TimestampHeader].ToString(), body.ToArray()));
                return receiver.Requests.Count == 1 ? Results.StatusCode(500) : Results.Ok();
            });
            await web.StartAsync();
            return receiver;
        }

        public async ValueTask DisposeAsync() => await _web.DisposeAsync();
    }

    [Fact]
    public async Task An_approved_payment_is_delivered_signed_retried_after_a_failure_and_never_twice()
    {
        await using var receiver = await Receiver.StartAsync();
        var admin = await app.SignedInAsync(Emails.Admin);
        var client = await MachineClientPages.CreateAsync(admin, "Financieel systeem webhooks", ["payments:read"]);
        var added = await MachineClientPages.PostAsync(admin, $"/Clients/{client.Id}", $"/Clients/{client.Id}?handler=Webhook",
            [new("WebhookUrl", receiver.Url), new("Events", nameof(WebhookEvent.PaymentApproved))]);
        var secret = added.QuerySelector("[data-testid=shown-secret]")?.TextContent ?? throw new InvalidOperationException(added.QuerySelector("#error-summary")?.TextContent);

        var paymentId = await ApprovedPaymentAsync();
        var delivery = await app.WithDbAsync(db => db.WebhookDeliveries.AsNoTracking()
            .Join(db.WebhookSubscriptions.Where(s => s.MachineClientId == client.Id), d => d.SubscriptionId, s => s.Id, (d, _) => d).SingleAsync());
        Assert.Equal("payment.approved", delivery.Event);

        var dispatcher = app.Services.GetRequiredService<WebhookDispatcher>();
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        var first = Assert.Single(receiver.Requests);
        // Not yet due again: the back-off holds the retry.
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.Single(receiver.Requests);

        // Two nodes dispatch at the same moment once the retry is due: one of them sends it.
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var secondNode = ActivatorUtilities.CreateInstance<WebhookDispatcher>(app.Services);
        await Task.WhenAll(dispatcher.DispatchOnceAsync(CancellationToken.None), secondNode.DispatchOnceAsync(CancellationToken.None));
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await secondNode.DispatchOnceAsync(CancellationToken.None);

        Assert.Equal(2, receiver.Requests.Count);
        var retry = receiver.Requests.Last();
        Assert.Equal(delivery.Id.ToString(), first.DeliveryId);
        Assert.Equal(first.DeliveryId, retry.DeliveryId);
        Assert.Equal(first.Body, retry.Body);
        foreach (var r in receiver.Requests)
        {
            Assert.Equal("payment.approved", r.Event);
            Assert.True(WebhookSignature.Verify(secret, r.Body, r.Signature), "signature " + r.Signature);
            Assert.True(long.TryParse(r.Timestamp, CultureInfo.InvariantCulture, out _));
        }
        Assert.False(WebhookSignature.Verify(secret + "x", retry.Body, retry.Signature));
        var payload = JsonDocument.Parse(retry.Body).RootElement;
        Assert.Equal(delivery.Id, payload.GetProperty("id").GetGuid());
        Assert.Equal(paymentId, payload.GetProperty("data").GetProperty("id").GetGuid());
        Assert.Equal("Approved", payload.GetProperty("data").GetProperty("status").GetString());

        var stored = await app.WithDbAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == delivery.Id));
        Assert.Equal((2, 200), (stored.Attempts, stored.LastStatusCode));
        Assert.NotNull(stored.DeliveredAt);

        // The delivery log on the client's page shows it.
        var log = (await admin.GetDocumentAsync($"/Clients/{client.Id}")).QuerySelector("[data-testid=delivery-table] tbody tr")!.TextContent;
        Assert.Contains("payment.approved", log, StringComparison.Ordinal);
        Assert.Contains("200", log, StringComparison.Ordinal);
    }

    /// <summary>A payment requested by the officer and approved by the administrator (four eyes), on an agreement of its own.</summary>
    private async Task<Guid> ApprovedPaymentAsync()
    {
        var (clusterId, agreementId, yearId) = await app.WithDbAsync(async db =>
        {
            var start = new DateOnly(2021, 1, 1);
            var cluster = new Cluster("Webhookcluster", ClusterType.AdHocCluster, "test", "test", start, new DateOnly(2023, 12, 31), ClusterStatus.Ended);
            db.Clusters.Add(cluster);
            var agreement = SupportAgreement.Create(cluster.Id, cluster.Type, start, new DateOnly(2023, 12, 31), "HF-2020-WHK", start, FundingRuleSet.Default).Value!;
            db.SupportAgreements.Add(agreement);
            var year = AgreementYear.Plan(agreement, [], start, 100_000m, 150_000m, 250_000m, 0, 0, 0, FundingRuleSet.Default).Value!;
            db.AgreementYears.Add(year);
            await db.SaveChangesAsync();
            return (cluster.Id, agreement.Id, year.Id);
        });
        var requested = await AtOnce.AloneAsync(app, sp => sp.GetRequiredService<RequestPayment>().HandleAsync(clusterId, agreementId, yearId, 40_000m, CancellationToken.None));
        Assert.Equal(CommandStatus.Ok, requested.Status);
        var payment = await app.WithDbAsync(db => db.AidPayments.AsNoTracking().Where(p => p.AgreementId == agreementId).Select(p => new { p.Id, p.Version }).SingleAsync());
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.Admin).Select(u => u.Id).SingleAsync());
        var approved = await app.WithScopeAsync(sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs(adminId, Emails.Admin, [Roles.Administrator]);
            return sp.GetRequiredService<TakePaymentStep>().HandleAsync(clusterId, agreementId, payment.Id, payment.Version, AidPayment.Approve, CancellationToken.None);
        });
        Assert.Equal(CommandStatus.Ok, approved.Status);
        return payment.Id;
    }
}
