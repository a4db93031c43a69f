using System.Reflection;
using Clusterpact.Web.Features.Shared;

namespace Clusterpact.Web.Tests.Shared;

/// <summary>Decision 0019: every handler under Features is a use case the container finds by itself.</summary>
[Collection(AppCollection.Name)]
public sealed class UseCaseShapeTests(ClusterpactApp app)
{
    private static readonly Type[] FeatureTypes = typeof(IUseCase).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace?.StartsWith("Clusterpact.Web.Features", StringComparison.Ordinal) == true)
        .ToArray();

    [Fact]
    public void Every_class_with_a_public_HandleAsync_is_a_use_case()
    {
        var missing = FeatureTypes
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.Name == "HandleAsync"))
            .Where(t => !typeof(IUseCase).IsAssignableFrom(t))
            .Select(t => t.FullName).ToList();
        Assert.Empty(missing);
    }

    /// <summary>No broad service classes under Features: a use case is its own file (infrastructure keeps its services).</summary>
    [Fact]
    public void No_feature_class_is_a_broad_service()
    {
        var services = FeatureTypes.Where(t => !t.IsNested && t.Name.EndsWith("Service", StringComparison.Ordinal)).Select(t => t.FullName).ToList();
        Assert.Empty(services);
    }

    [Fact]
    public void Every_use_case_is_registered_and_resolves()
    {
        using var scope = app.Services.CreateScope();
        var useCases = FeatureTypes.Where(t => typeof(IUseCase).IsAssignableFrom(t)).ToList();
        Assert.NotEmpty(useCases);
        foreach (var type in useCases) Assert.NotNull(scope.ServiceProvider.GetService(type));
    }

    /// <summary>
    /// Pages read and change nothing by themselves (decision 0019): every read and every save is a use case's, which
    /// checks who may see or make it, is shared with the API and is audited like the others. A page model that takes the
    /// DbContext (itself or through a base page) fails here.
    /// </summary>
    [Fact]
    public void No_page_takes_the_database()
    {
        var pages = typeof(IUseCase).Assembly.GetTypes().Where(t => typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(t)).ToList();
        Assert.True(pages.Count > 50, "the page models were not found");
        var reading = pages.Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(Data.ClusterpactDbContext))))
            .Select(t => t.FullName).ToList();
        Assert.Empty(reading);
    }
}
