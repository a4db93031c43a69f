using System.Reflection;
using System.Text.Json;

namespace Clusterpact.Web.Infrastructure.Requests;

/// <summary>
/// The API checks a request body with the same attributes the page's form uses ([StringLength], [Range], [Required]...),
/// declared on the body's type: a value the form refuses is refused here too, as a 400 naming the field. One filter on
/// the /api group, so no endpoint validates by hand or forgets to.
/// </summary>
public static class ApiValidation
{
    public static RouteGroupBuilder WithBodyValidation(this RouteGroupBuilder group)
    {
        group.AddEndpointFilterFactory((factory, next) =>
        {
            var bodies = factory.MethodInfo.GetParameters()
                .Select((p, i) => (Index: i, Properties: Validated(p.ParameterType)))
                .Where(b => b.Properties.Count > 0).ToList();
            if (bodies.Count == 0) return next;
            return async context =>
            {
                var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                foreach (var (index, properties) in bodies)
                {
                    if (context.Arguments[index] is not { } body) continue;
                    foreach (var (property, rules) in properties)
                    {
                        var value = property.GetValue(body);
                        var broken = rules.Where(r => !r.IsValid(value)).Select(r => Message(r, property, text)).ToArray();
                        if (broken.Length > 0) errors[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = broken;
                    }
                }
                if (errors.Count > 0) return (object?)TypedResults.ValidationProblem(errors, title: text["Api.BadRequest"]);
                return await next(context);
            };
        });
        return group;
    }

    private static List<(PropertyInfo Property, ValidationAttribute[] Rules)> Validated(Type type) =>
        type.IsPrimitive || type == typeof(string) || !type.IsClass
            ? []
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => (p, p.GetCustomAttributes<ValidationAttribute>(inherit: true).ToArray()))
                .Where(x => x.Item2.Length > 0).ToList();

    /// <summary>The attribute's message key (the same keys the pages use) in the caller's language, with the field and the bounds.</summary>
    private static string Message(ValidationAttribute rule, PropertyInfo property, IStringLocalizer text)
    {
        var name = property.GetCustomAttribute<DisplayAttribute>()?.Name is { } key ? text[key].Value : property.Name;
        return rule switch
        {
            StringLengthAttribute s => text[s.ErrorMessage ?? "Validation.MaxLength", name, s.MaximumLength],
            MaxLengthAttribute m => text[m.ErrorMessage ?? "Validation.MaxLength", name, m.Length],
            RangeAttribute r => text[r.ErrorMessage ?? "Validation.Range", name, r.Minimum, r.Maximum],
            RequiredAttribute q => text[q.ErrorMessage ?? "Validation.Required", name],
            _ => text[rule.ErrorMessage ?? "Validation.Invalid", name],
        };
    }
}
