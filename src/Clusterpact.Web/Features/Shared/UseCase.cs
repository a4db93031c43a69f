using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clusterpact.Web.Features.Shared;

/// <summary>
/// One thing a person does or reads (decision 0019): one file holds its request, its answer and this handler with a
/// <c>HandleAsync</c>; pages and API endpoints inject the handler they need. Every handler is found and registered by
/// <see cref="UseCaseRegistration.AddUseCases"/>, so a new use case needs no registration line.
/// </summary>
public interface IUseCase;

public static class UseCaseRegistration
{
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        foreach (var type in typeof(IUseCase).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t)))
            services.TryAddScoped(type);
        return services;
    }
}
