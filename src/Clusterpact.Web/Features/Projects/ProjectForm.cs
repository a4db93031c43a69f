using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Clusterpact.Web.Features.Projects;

/// <summary>
/// The proposal form, shared by "new" and "edit". Amounts are read as people type them in Belgium ("1.234,56" or
/// "1234.56"), with the same parser the imports use, so a typed figure never changes by a factor 1,000.
/// </summary>
public sealed class ProjectForm
{
    public ProjectType Type { get; set; } = ProjectType.Collaboration;

    [Required(ErrorMessage = "Validation.Required"), StringLength(Project.MaxTitleLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Projects.TitleField")]
    public string? Title { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.MaxLength"), Display(Name = "Projects.Summary")]
    public string? Summary { get; set; }

    public StrategicTheme Theme { get; set; } = StrategicTheme.Other;

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Projects.Start")]
    public DateOnly? Start { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Projects.End")]
    public DateOnly? End { get; set; }

    [Range(1, 9, ErrorMessage = "Validation.Range"), Display(Name = "Projects.TrlStart")]
    public int TrlStart { get; set; } = 3;

    [Range(1, 9, ErrorMessage = "Validation.Range"), Display(Name = "Projects.TrlTarget")]
    public int TrlTarget { get; set; } = 6;

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Projects.TotalBudget")]
    public string? TotalBudget { get; set; }

    [Display(Name = "Projects.Aid")]
    public string? Aid { get; set; }

    public List<Guid> ClusterIds { get; set; } = [];

    /// <summary>One more cluster, as typed (its name, or a part only it has): added to <see cref="ClusterIds"/> on save.</summary>
    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    public string? AddCluster { get; set; }

    [Display(Name = "Projects.LeadNumber")]
    public string? LeadEnterpriseNumber { get; set; }

    public long Version { get; set; }

    /// <summary>The details, or null with the reasons added to the model state.</summary>
    public ProjectDetails? ToDetails(ModelStateDictionary state, IStringLocalizer text, string prefix)
    {
        var budget = Amount(TotalBudget, nameof(TotalBudget), "Projects.TotalBudget", state, text, prefix);
        var aid = string.IsNullOrWhiteSpace(Aid) ? 0 : Amount(Aid, nameof(Aid), "Projects.Aid", state, text, prefix);
        if (ClusterIds.Count == 0) state.AddModelError($"{prefix}.{nameof(ClusterIds)}", text["Project.ClusterRequired"]);
        if (!state.IsValid || budget is null || aid is null || Start is null || End is null) return null;
        return new ProjectDetails(Type, Title!, Summary, Theme, Start.Value, End.Value, TrlStart, TrlTarget, budget.Value, aid.Value, ClusterIds);
    }

    public static ProjectForm From(Project p) => new()
    {
        Type = p.Type, Title = p.Title, Summary = p.Summary, Theme = p.Theme, Start = p.Start, End = p.End, TrlStart = p.TrlStart, TrlTarget = p.TrlTarget,
        TotalBudget = p.TotalBudget.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("nl-BE")),
        Aid = p.Aid.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("nl-BE")), ClusterIds = p.ClusterIds.ToList(), Version = p.Version,
    };

    public static decimal? Amount(string? input, string field, string label, ModelStateDictionary state, IStringLocalizer text, string prefix)
    {
        var value = BelgianFormats.ParseNumber(input);
        if (value is null && !string.IsNullOrWhiteSpace(input)) state.AddModelError($"{prefix}.{field}", text["Validation.Amount", text[label]]);
        else if (value < 0) { state.AddModelError($"{prefix}.{field}", text["Import.NumberNegative"]); return null; }
        return value;
    }

    /// <summary>The form's field a refusal of the project's rules belongs next to.</summary>
    public static string FieldOf(string code) => code switch
    {
        "Project.TitleRequired" or "Project.TitleTooLong" => "Title",
        "Project.EndBeforeStart" => "End",
        "Project.TrlRange" or "Project.TrlTargetBelowStart" => "TrlTarget",
        "Project.BudgetPositive" or "Project.SharesAboveBudget" => "TotalBudget",
        "Project.AidNegative" or "Project.AidAboveBudget" or "Project.FundingFixedAfterDecision" => "Aid",
        "Project.ClusterRequired" or "Project.InterclusterNeedsTwoClusters" or "Project.CollaborationOneCluster" => "ClusterIds",
        _ => "Title",
    };
}

/// <summary>What the form partial shows: the values and the clusters to choose from.</summary>
public sealed record ProjectFormView(ProjectForm Form, Clusterpact.Web.Features.Clusters.ClusterChoicesField Clusters, bool IsAgency);
