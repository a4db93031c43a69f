using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace Clusterpact.Web.Infrastructure.Email;

public interface IEmailTransport
{
    Task SendAsync(OutboxEmail email, CancellationToken ct);
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
        var eml = new StringBuilder()
            .Append("From: ").AppendLine(config["Email:From"] ?? "clusterpact@vlaio.demo")
            .Append("To: ").AppendLine(email.To)
            .Append("Subject: ").AppendLine(email.Subject)
            .Append("Date: ").AppendLine(email.CreatedAt.ToString("r", CultureInfo.InvariantCulture))
            .AppendLine("Content-Type: text/plain; charset=utf-8")
            .AppendLine()
            .AppendLine(email.Body);
        await File.WriteAllTextAsync(path, eml.ToString(), ct);
        log.LogInformation("E-mail {Category} to {To} written to {Path}", email.Category, email.To, path);
    }
}

/// <summary>Production: SMTP (Email:Smtp:Host, Port, User, Password, EnableSsl).</summary>
public sealed class SmtpEmailTransport(IConfiguration config) : IEmailTransport
{
    public async Task SendAsync(OutboxEmail email, CancellationToken ct)
    {
        var smtp = config.GetSection("Email:Smtp");
        using var client = new SmtpClient(smtp["Host"], smtp.GetValue("Port", 587)) { EnableSsl = smtp.GetValue("EnableSsl", true) };
        if (!string.IsNullOrEmpty(smtp["User"])) client.Credentials = new System.Net.NetworkCredential(smtp["User"], smtp["Password"]);
        using var message = new MailMessage(config["Email:From"] ?? "clusterpact@vlaio.demo", email.To, email.Subject, email.Body) { BodyEncoding = Encoding.UTF8, SubjectEncoding = Encoding.UTF8 };
        await client.SendMailAsync(message, ct);
    }
}
