using System.Diagnostics;
using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Clusterpact.Web.Infrastructure.Telemetry;

/// <summary>
/// The product's own traces and metrics: background jobs, e-mail and reminder runs (docs/operations.md, "Observability").
/// Always emitted (an ActivitySource and a Meter cost nothing while nobody listens); exported only when
/// Telemetry:OtlpEndpoint is set, see <see cref="TelemetryServices"/>.
/// </summary>
public static class ClusterpactTelemetry
{
    public const string Name = "Clusterpact";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>Jobs that ended, by kind and outcome (Succeeded, Failed, HandedBack).</summary>
    public static readonly Counter<long> JobsEnded = Meter.CreateCounter<long>("clusterpact.jobs.ended", "{job}", "Background jobs that ended, by kind and outcome");

    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("clusterpact.jobs.duration", "s", "How long a background job ran");

    /// <summary>E-mails handed to the mail server (outcome sent) or refused by it (outcome failed), by category.</summary>
    public static readonly Counter<long> EmailsTried = Meter.CreateCounter<long>("clusterpact.emails.tried", "{email}", "E-mails handed to the mail server, by category and outcome");

    /// <summary>Reminder e-mails queued by a reminder run, by kind of reminder.</summary>
    public static readonly Counter<long> RemindersQueued = Meter.CreateCounter<long>("clusterpact.reminders.queued", "{email}", "Reminder e-mails queued, by kind");

    /// <summary>
    /// Kept answers computed (decision 0020), by use case (tag <c>use_case</c>): once per change of the data they read, per
    /// day and per node, unless one was evicted. Read live with <c>dotnet-counters monitor -n Clusterpact.Web --counters Clusterpact</c>.
    /// </summary>
    public static readonly Counter<long> ReadModelsComputed = Meter.CreateCounter<long>("clusterpact.read_models.computed", "{answer}", "Kept answers computed, by use case");

    /// <summary>
    /// Kept answers that left the node's store, by use case and reason (<c>Capacity</c>: evicted to make room under
    /// ReadModels:SizeLimit; <c>Expired</c>: unread for ReadModels:UnusedMinutes; <c>Replaced</c>: by the answer of newer stamps).
    /// </summary>
    public static readonly Counter<long> ReadModelsEvicted = Meter.CreateCounter<long>("clusterpact.read_models.evicted", "{answer}", "Kept answers that left the store, by use case and reason");

    /// <summary>Kept answers the store refused to keep, by use case: each request would compute them again (a defect; logged as a warning).</summary>
    public static readonly Counter<long> ReadModelsRefused = Meter.CreateCounter<long>("clusterpact.read_models.refused", "{answer}", "Kept answers refused by the store, by use case");
}

public static class TelemetryServices
{
    /// <summary>
    /// With Telemetry:OtlpEndpoint set (e.g. http://collector:4317; Telemetry:OtlpProtocol grpc or http/protobuf,
    /// Telemetry:ServiceName, default clusterpact), traces and metrics of ASP.NET Core, outgoing HTTP, Npgsql (the
    /// PostgreSQL commands EF Core sends) and the product's own source are exported over OTLP; without it nothing is set up.
    /// </summary>
    public static IServiceCollection AddClusterpactTelemetry(this IServiceCollection services, IConfiguration config)
    {
        var endpoint = config["Telemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint)) return services;
        var protocol = string.Equals(config["Telemetry:OtlpProtocol"], "http/protobuf", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        void Otlp(OtlpExporterOptions o) => (o.Endpoint, o.Protocol) = (new Uri(endpoint), protocol);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["Telemetry:ServiceName"] ?? "clusterpact", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(t => t
                .AddSource(ClusterpactTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(Otlp))
            .WithMetrics(m => m
                .AddMeter(ClusterpactTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Npgsql")
                .AddOtlpExporter(Otlp));
        return services;
    }
}
