namespace Clusterpact.Web.Features.Shared.Import;

/// <summary>How an import problem reads in the report: "Field: message ('value as typed')".</summary>
public static class ImportText
{
    public static string Describe(ImportProblem p, IStringLocalizer text)
    {
        var field = p.FieldKey is { } f ? text[f].Value + ": " : "";
        var message = p.OtherRow is { } other ? text[p.Code, other].Value : text[p.Code].Value;
        return p.Value is null ? field + message : $"{field}{message} ('{p.Value}')";
    }
}
