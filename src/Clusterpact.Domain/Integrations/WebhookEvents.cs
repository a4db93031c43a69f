using System.Security.Cryptography;
using System.Text;

namespace Clusterpact.Domain.Integrations;

/// <summary>The events another system can wait for (docs/api.md, "Webhooks"); their wire names are <see cref="WebhookEvents.NameOf"/>.</summary>
public enum WebhookEvent { PaymentApproved, ReportSubmitted, ReportAccepted, ApplicationDecided, AgreementChanged }

/// <summary>
/// Which lifecycle step raises which event: the same steps <see cref="StepNotices"/> mails people about, so an event is
/// raised where the mail is, from the save that stores the step. An agreement has no lifecycle table: any saved
/// change to it (a term added, extended, shortened, its record corrected) is <see cref="WebhookEvent.AgreementChanged"/>.
/// </summary>
public static class WebhookEvents
{
    private static readonly Dictionary<(string Lifecycle, string Step), WebhookEvent> Table = new()
    {
        [(AidPayment.Lifecycle.Name, AidPayment.Approve)] = WebhookEvent.PaymentApproved,
        [(ReportLifecycle.Rules.Name, ReportLifecycle.Submit)] = WebhookEvent.ReportSubmitted,
        [(ReportLifecycle.Rules.Name, ReportLifecycle.Accept)] = WebhookEvent.ReportAccepted,
        [(ApplicationLifecycle.Rules.Name, ApplicationLifecycle.Decide)] = WebhookEvent.ApplicationDecided,
    };

    public static WebhookEvent? Of(string lifecycle, string step) => Table.TryGetValue((lifecycle, step), out var e) ? e : null;

    /// <summary>Every step that raises an event, for the test that holds this table to the lifecycles.</summary>
    public static IEnumerable<(string Lifecycle, string Step, WebhookEvent Event)> Steps => Table.Select(kv => (kv.Key.Lifecycle, kv.Key.Step, kv.Value));

    /// <summary>The wire name: <c>payment.approved</c>, <c>report.submitted</c>, ...</summary>
    public static string NameOf(WebhookEvent e) => e switch
    {
        WebhookEvent.PaymentApproved => "payment.approved",
        WebhookEvent.ReportSubmitted => "report.submitted",
        WebhookEvent.ReportAccepted => "report.accepted",
        WebhookEvent.ApplicationDecided => "application.decided",
        WebhookEvent.AgreementChanged => "agreement.changed",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, null),
    };

    /// <summary>The area whose read scope a subscriber needs to hear of the event: a webhook tells no more than the API would.</summary>
    public static ApiArea AreaOf(WebhookEvent e) => e switch
    {
        WebhookEvent.PaymentApproved => ApiArea.Payments,
        WebhookEvent.ReportSubmitted or WebhookEvent.ReportAccepted => ApiArea.Reports,
        WebhookEvent.ApplicationDecided => ApiArea.Calls,
        WebhookEvent.AgreementChanged => ApiArea.Agreements,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, null),
    };

    /// <summary>
    /// When a failed delivery is tried again: 30 s after the first attempt, doubling each time (30 s, 1 min, 2, 4, 8, 16, 32 min);
    /// after <see cref="MaxAttempts"/> attempts it is given up (null).
    /// </summary>
    public static TimeSpan? RetryAfter(int attemptsMade) =>
        attemptsMade >= MaxAttempts ? null : TimeSpan.FromSeconds(30 * Math.Pow(2, Math.Max(0, attemptsMade - 1)));

    public const int MaxAttempts = 8;
}

/// <summary>
/// The signature of a delivery: HMAC-SHA256 of the exact body bytes under the subscription's secret, in lower-case hex,
/// sent as <c>X-Clusterpact-Signature: sha256=&lt;hex&gt;</c> (the form GitHub and others use). The body carries the
/// event's id and time, so they are signed too.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Compares in constant time, so a receiver that copies this leaks nothing through timing.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));
}
