using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using SmtpServerSettings = netDumbster.smtp.Configuration;

namespace Clusterpact.Web.Tests.Infrastructure.Email;

/// <summary>Both transports send the same MimeKit message: the .eml in the outbox folder is what SMTP delivers.</summary>
public sealed class EmailTransportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clusterpact-mail-").FullName;

    private static readonly OutboxEmail Email = new()
    {
        Id = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
        CreatedAt = new DateTimeOffset(2026, 3, 12, 9, 30, 0, TimeSpan.FromHours(1)),
        To = "manager@cluster.demo, Financiën Coöperatie <financien@cluster.demo>",
        Subject = "Volstorting: nog 30 dagen voor coöperatie Brüssel (€ 1.234,56)",
        Body = "Geachte,\n\nde volstorting van € 1.234,56 is over 30 dagen verschuldigd.\nMet vriendelijke groet,\nVLAIO",
        Category = "Test.Reminder",
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_outbox_folder_gets_an_eml_file_that_a_mail_client_reads_as_written()
    {
        await Folder().SendAsync(Email, default);

        var file = Assert.Single(Directory.GetFiles(_folder, "20260312-083000-0193a1b2c3d47e5f8a9b0c1d2e3f4a5b.eml"));
        AssertIsTheEmail(await MimeMessage.LoadAsync(file));
    }

    [Fact]
    public async Task Smtp_delivers_the_same_message_as_the_outbox_file()
    {
        using var server = SmtpServerSettings.Configure().WithAddress(System.Net.IPAddress.Loopback).WithRandomPort().Build();
        var smtp = new SmtpEmailTransport(Config(new()
        {
            ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = $"{server.Configuration.Port}", ["Email:Smtp:EnableSsl"] = "false",
        }));

        await smtp.SendAsync(Email, default);
        await Folder().SendAsync(Email, default);

        var received = Assert.Single(server.ReceivedEmail);
        using var delivered = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received.Data)));
        AssertIsTheEmail(delivered);
        using var written = await MimeMessage.LoadAsync(Directory.GetFiles(_folder).Single());
        Assert.Equal(written.MessageId, delivered.MessageId);
    }

    [Fact]
    public async Task Smtp_with_ssl_refuses_a_server_that_offers_no_tls_instead_of_sending_in_clear_text()
    {
        using var server = SmtpServerSettings.Configure().WithAddress(System.Net.IPAddress.Loopback).WithRandomPort().Build();
        var smtp = new SmtpEmailTransport(Config(new() { ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = $"{server.Configuration.Port}" }));

        await Assert.ThrowsAnyAsync<Exception>(() => smtp.SendAsync(Email, default));
        Assert.Empty(server.ReceivedEmail);
    }

    private static void AssertIsTheEmail(MimeMessage message)
    {
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("Clusterpact", "noreply@vlaio.demo"), (from.Name, from.Address));
        Assert.Equal(["manager@cluster.demo", "financien@cluster.demo"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Financiën Coöperatie", message.To.Mailboxes.Last().Name);
        Assert.Equal(Email.Subject, message.Subject);
        Assert.Equal(Email.CreatedAt, message.Date);
        Assert.Equal("0193a1b2c3d47e5f8a9b0c1d2e3f4a5b@vlaio.demo", message.MessageId);
        Assert.Equal(Email.Body, (message.TextBody ?? "").ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    private FolderEmailTransport Folder() => new(Config(new() { ["Email:OutboxFolder"] = _folder }),
        new HostingEnvironment { ContentRootPath = _folder }, NullLogger<FolderEmailTransport>.Instance);

    private static IConfiguration Config(Dictionary<string, string?> settings)
    {
        settings["Email:From"] = "Clusterpact <noreply@vlaio.demo>";
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
