using Microsoft.AspNetCore.Mvc.Filters;

namespace Clusterpact.Web.Infrastructure.Requests;

/// <summary>
/// A request for a page handler the page does not have (<c>?handler=Nope</c>, or a POST to a page that only shows) is a
/// 404. Without this, Razor Pages runs the page's unnamed handler instead, or renders the page without running any
/// handler, and a page whose model its handler fills fails with a 500.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var asked = context.RouteData.Values["handler"]?.ToString() is { Length: > 0 } route ? route : context.HttpContext.Request.Query["handler"].ToString();
        var unknown = context.HandlerMethod is null
            ? context.ActionDescriptor.HandlerMethods.Count > 0
            // Razor Pages falls back to the unnamed handler for a name it does not know.
            : asked.Length > 0 && !string.Equals(context.HandlerMethod.Name, asked, StringComparison.OrdinalIgnoreCase);
        if (unknown)
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }
        return next();
    }
}
