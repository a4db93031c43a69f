using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Clusterpact.Web.Infrastructure.Clients;

/// <summary>
/// Each machine client has its own budget of requests per minute (<see cref="MachineClient.RequestsPerMinute"/>),
/// chained after the sign-in limits in the one rate limiter: a client over its budget gets 429 with Retry-After as
/// problem details, and other clients and people are not slowed by it.
/// </summary>
public static class ClientRateLimits
{
    internal static void Chain(RateLimiterOptions o)
    {
        var perClient = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            ClientClaims.ClientOf(http.User) is { } client && int.TryParse(http.User.FindFirst(ClientClaims.RequestsPerMinute)?.Value, out var perMinute)
                ? RateLimitPartition.GetFixedWindowLimiter($"client|{client}|{perMinute}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter(""));
        o.GlobalLimiter = o.GlobalLimiter is { } existing ? PartitionedRateLimiter.CreateChained(existing, perClient) : perClient;
        var inner = o.OnRejected;
        o.OnRejected = async (ctx, ct) =>
        {
            if (ClientClaims.ClientOf(ctx.HttpContext.User) is not { } client)
            {
                if (inner is not null) await inner(ctx, ct);
                return;
            }
            var seconds = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
            var http = ctx.HttpContext;
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientRateLimits)).LogWarning("API client {Client} refused by its rate limit", client);
            var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too Many Requests", Detail = text["Clients.RateLimited", seconds] },
            });
        };
    }
}
