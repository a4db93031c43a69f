using Serilog;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace Clusterpact.Web.Infrastructure.Telemetry;

/// <summary>
/// The console log: one line per event with the request's trace id (the id OpenTelemetry exports, so a log line leads to
/// its trace), or, with Logging:Json=true, one JSON object per line (Serilog's compact format: @t time, @l level, @m
/// message, @tr trace id, @sp span id, and every property) for a log collector. Serilog's own settings (levels,
/// Serilog:MinimumLevel) come from configuration as before.
/// </summary>
public static class ClusterpactLogging
{
    public const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {TraceId}{NewLine}{Exception}";

    public static ITextFormatter ConsoleFormatter(IConfiguration config) =>
        config.GetValue("Logging:Json", false) ? new RenderedCompactJsonFormatter() : new MessageTemplateTextFormatter(TextTemplate, CultureInfo.InvariantCulture);

    /// <summary>The console, plus any sink the host registers as a service (a test's capture; the product registers none).</summary>
    public static LoggerConfiguration ClusterpactConsole(this LoggerConfiguration log, IConfiguration config, IServiceProvider services) => log
        .ReadFrom.Configuration(config)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .WriteTo.Console(ConsoleFormatter(config));
}
