using System.Diagnostics;
using Clusterpact.Web.Features.Reports;
using Clusterpact.Web.Infrastructure.Telemetry;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;
using Serilog;

namespace Clusterpact.Web.Tests.Nodes;

/// <summary>Traces exported when Telemetry:OtlpEndpoint is set, and log lines that carry the trace id (docs/operations.md).</summary>
[Collection(AppCollection.Name)]
public sealed class TelemetryTests(ClusterpactApp app)
{
    [Fact]
    public async Task With_an_endpoint_configured_a_request_a_reminder_run_and_an_email_are_traced()
    {
        var exported = new Exported();
        // Nothing listens on the OTLP endpoint (its exporter gives up quietly); the in-memory exporter beside it is what the test reads.
        using var host = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Telemetry:OtlpEndpoint", "http://127.0.0.1:9");
            b.ConfigureTestServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(exported)));
        });
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        var key = $"telemetry:{Guid.NewGuid()}";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReportReminders>().RunAsync(default);
            await scope.ServiceProvider.GetRequiredService<EmailOutbox>().EnqueueAsync("telemetry@clusterpact.demo", "Telemetry", "-", "Test.Telemetry", key, default);
            await scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>().SaveChangesAsync();
        }
        // Other tests' e-mails may be waiting before this one; a dispatch sends 50 at a time.
        for (var i = 0; i < 40 && !await app.WithDbAsync(db => db.OutboxEmails.AnyAsync(e => e.DedupKey == key && e.SentAt != null)); i++)
            await host.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);

        Activity[] Seen() => exported.Snapshot();
        for (var i = 0; i < 100 && !Seen().Any(a => a.Source.Name == "Microsoft.AspNetCore" && (a.GetTagItem("url.path") as string) == "/Account/Login"); i++) await Task.Delay(50);
        var seen = Seen();
        // The ASP.NET Core source is the process's: requests of tests running beside this one are seen too.
        Assert.Contains(seen, a => a.Source.Name == "Microsoft.AspNetCore" && (a.GetTagItem("url.path") as string) == "/Account/Login" && Equals(a.GetTagItem("http.response.status_code"), 200));
        Assert.Contains(seen, a => a.Source.Name == ClusterpactTelemetry.Name && a.OperationName == "run reminders:report");
        Assert.Contains(seen, a => a.Source.Name == ClusterpactTelemetry.Name && a.OperationName == "email send" && (a.GetTagItem("clusterpact.email.category") as string) == "Test.Telemetry");
    }

    [Fact]
    public void Without_an_endpoint_nothing_is_set_up() => Assert.Null(app.Services.GetService<TracerProvider>());

    [Fact]
    public void Json_logs_are_one_parseable_object_per_line_with_the_trace_id()
    {
        var lines = Log(json: true);
        var (first, trace) = (lines[0].Line, lines[0].TraceId);
        using var parsed = JsonDocument.Parse(first);
        Assert.Equal(trace, parsed.RootElement.GetProperty("@tr").GetString());
        Assert.Equal("Job 42 failed", parsed.RootElement.GetProperty("@m").GetString());
        Assert.Equal("Error", parsed.RootElement.GetProperty("@l").GetString());
        Assert.Equal(42, parsed.RootElement.GetProperty("Id").GetInt32());
    }

    [Fact]
    public void Text_logs_end_with_the_trace_id()
    {
        var (line, trace) = Log(json: false)[0];
        Assert.Contains("ERR", line, StringComparison.Ordinal);
        Assert.EndsWith("Job 42 failed " + trace, line, StringComparison.Ordinal);
    }

    /// <summary>Logs one event inside a trace through the console formatter the application configures.</summary>
    private static List<(string Line, string TraceId)> Log(bool json)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Json"] = json ? "true" : "false" }).Build();
        var output = new StringWriter();
        using (var logger = new LoggerConfiguration().WriteTo.Sink(new Lines(ClusterpactLogging.ConsoleFormatter(config), output)).CreateLogger())
        using (var activity = new Activity("request").Start())
        {
            logger.Error("Job {Id} failed", 42);
            return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (l.TrimEnd('\r'), activity.TraceId.ToHexString()))];
        }
    }

    /// <summary>What the in-memory exporter receives, added from the exporter's thread while the test reads it.</summary>
    private sealed class Exported : System.Collections.ObjectModel.Collection<Activity>
    {
        private readonly Lock _gate = new();

        protected override void InsertItem(int index, Activity item)
        {
            lock (_gate) base.InsertItem(index, item);
        }

        public Activity[] Snapshot()
        {
            lock (_gate) return [.. this];
        }
    }

    private sealed class Lines(Serilog.Formatting.ITextFormatter formatter, TextWriter output) : Serilog.Core.ILogEventSink
    {
        public void Emit(Serilog.Events.LogEvent logEvent) => formatter.Format(logEvent, output);
    }
}
