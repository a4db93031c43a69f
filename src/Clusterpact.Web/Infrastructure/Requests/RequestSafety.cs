using Microsoft.AspNetCore.Routing;

namespace Clusterpact.Web.Infrastructure.Requests;

/// <summary>
/// Every bad request is a 400 (or 404, 413, 415) with a message, never a 500: each kind of malformed input is answered
/// in one place. Binding failures on the API throw (instead of a silent empty 400) so that
/// <see cref="BadRequestExceptionHandler"/> can name the parameter; unknown page handlers are 404
/// (<see cref="UnknownHandlerFilter"/>); a checkbox with a non-bool value is a field error (<see cref="BooleanBinder"/>);
/// request sizes come from configuration (<see cref="RequestLimits"/>).
/// </summary>
public static class RequestSafety
{
    public static IServiceCollection AddRequestSafety(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<MvcOptions>(o =>
        {
            o.Filters.Add(new UnknownHandlerFilter());
            o.ModelBinderProviders.Insert(0, new BooleanBinderProvider());
        });
        services.AddRequestLimits(config);
        return services;
    }
}
