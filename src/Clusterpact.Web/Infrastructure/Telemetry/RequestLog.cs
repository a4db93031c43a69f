using Serilog;

namespace Clusterpact.Web.Infrastructure.Telemetry;

/// <summary>
/// The request log (Serilog's: method, path, status, time), placed outside the exception handlers so that it logs the
/// status the client got. Inside them it saw the exception on its way out and logged "500" with an error, also for a
/// request the API refuses while reading it (a bad <c>?limit=</c>, <see cref="Requests.ListParameterException"/>) that the
/// handler then answers 400. Written through the host's own logger (the static one is the last host's), so each host's
/// sinks get its own requests.
/// </summary>
public static class RequestLog
{
    public static IApplicationBuilder UseClusterpactRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetService<Serilog.ILogger>();
        return app.UseSerilogRequestLogging(o => o.Logger = logger);
    }
}
