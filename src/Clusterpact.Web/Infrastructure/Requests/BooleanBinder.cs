using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Clusterpact.Web.Infrastructure.Requests;

/// <summary>
/// Binds a bool (a checkbox) from "true"/"false" and refuses anything else as a field error, keeping no raw value:
/// MVC's own binder keeps the refused text (say "2"), and the checkbox tag helper then throws a FormatException while
/// it draws the form again, a 500 instead of the message.
/// </summary>
public sealed class BooleanBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var values = context.ValueProvider.GetValue(context.ModelName);
        if (values == ValueProviderResult.None) return Task.CompletedTask;
        // A checkbox posts "true" and its hidden "false" together: the first value counts.
        var typed = values.FirstValue;
        if (string.IsNullOrWhiteSpace(typed))
        {
            if (Nullable.GetUnderlyingType(context.ModelType) is not null) context.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
        if (bool.TryParse(typed.Trim(), out var value))
        {
            context.ModelState.SetModelValue(context.ModelName, values);
            context.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
        context.ModelState.SetModelValue(context.ModelName, rawValue: null, attemptedValue: typed);
        context.ModelState.TryAddModelError(context.ModelName,
            context.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(typed, context.ModelMetadata.GetDisplayName()));
        context.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

public sealed class BooleanBinderProvider : IModelBinderProvider
{
    private static readonly BooleanBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? Binder : null;
}
