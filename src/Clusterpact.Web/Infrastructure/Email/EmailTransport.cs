using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Clusterpact.Web.Infrastructure.Email;

public interface IEmailTransport
{
    Task SendAsync(OutboxEmail email, CancellationToken ct);
}

/// <summary>
/// The one place an <see cref="OutboxEmail"/> becomes a MIME message, so the .eml in the outbox folder is exactly what
/// SMTP would have sent: sender from Email:From, UTF-8 subject and body, the queue time as Date, and a Message-Id made
/// from the outbox id so a retried send is recognisable as the same message.
/// </summary>
public static class OutboxMessage
{
    private const string DefaultFrom = "clusterpact@vlaio.demo";

    public static MimeMessage Create(OutboxEmail email, IConfiguration config)
    {
        var from = MailboxAddress.Parse(config["Email:From"] ?? DefaultFrom);
        var message = new MimeMessage
        {
            Subject = email.Subject,
            Date = email.CreatedAt,
            MessageId = $"{email.Id:N}@{from.Domain}",
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = email.Body },
        };
        message.From.Add(from);
        message.To.AddRange(InternetAddressList.Parse(email.To));
        return message;
    }
}

/// <summary>Development and demo: every e-mail becomes an .eml file in a folder (Email:OutboxFolder), openable in any mail client.</summary>
public sealed class FolderEmailTransport(IConfiguration config, IHostEnvironment env, ILogger<FolderEmailTransport> log) : IEmailTransport
{
    public async Task SendAsync(OutboxEmail email, CancellationToken ct)
    {
        var folder = config["Email:OutboxFolder"] ?? "data/outbox";
        if (!Path.IsPathRooted(folder)) folder = Path.Combine(env.ContentRootPath, folder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{email.CreatedAt.UtcDateTime:yyyyMMdd-HHmmss}-{email.Id:N}.eml");
        using var message = OutboxMessage.Create(email, config);
        await message.WriteToAsync(path, ct);
        log.LogInformation("E-mail {Category} to {To} written to {Path}", email.Category, email.To, path);
    }
}

/// <summary>
/// Production: SMTP through MailKit (Email:Smtp:Host, Port, User, Password, EnableSsl). EnableSsl means TLS before
/// anything is sent: implicit TLS on port 465, STARTTLS (required, never skipped) on any other port.
/// </summary>
public sealed class SmtpEmailTransport(IConfiguration config) : IEmailTransport
{
    public async Task SendAsync(OutboxEmail email, CancellationToken ct)
    {
        var smtp = config.GetSection("Email:Smtp");
        var port = smtp.GetValue("Port", 587);
        var security = !smtp.GetValue("EnableSsl", true) ? SecureSocketOptions.None
            : port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        using var message = OutboxMessage.Create(email, config);
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp["Host"] ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), port, security, ct);
        if (smtp["User"] is { Length: > 0 } user) await client.AuthenticateAsync(user, smtp["Password"] ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
