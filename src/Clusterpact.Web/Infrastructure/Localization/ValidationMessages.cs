using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Clusterpact.Web.Infrastructure.Localization;

/// <summary>
/// Validation attributes without a message of their own, among them the [Required] the framework adds to every
/// non-nullable property ("The Kpi field is required."), say it in the user's language: they get the shared resource key,
/// which the data-annotations localizer (Program.cs) translates like every explicit ErrorMessage.
/// </summary>
public sealed class ValidationMessages : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceType is not null) continue;
            attribute.ErrorMessage = attribute switch
            {
                RequiredAttribute => "Validation.Required",
                EmailAddressAttribute => "Validation.Email",
                _ => attribute.ErrorMessage,
            };
        }
    }
}

public static class ValidationMessagesRegistration
{
    /// <summary>Adds <see cref="ValidationMessages"/> after the framework's data-annotations metadata.</summary>
    public static IMvcBuilder AddValidationMessages(this IMvcBuilder mvc) =>
        mvc.AddMvcOptions(o => o.ModelMetadataDetailsProviders.Add(new ValidationMessages()));
}
