namespace Clusterpact.Domain.Projects;

/// <summary>
/// What kind of project, which decides where its aid comes from: a cluster's earmarked funds (geoormerkte middelen),
/// the programme's intercluster pool, the agency's regular instruments or a European programme.
/// </summary>
public enum ProjectType { Collaboration, Intercluster, RegularInstrument, European }

/// <summary>Proposed by a cluster (or the agency), decided by the agency, then run to its end or stopped.</summary>
public enum ProjectStatus { Proposed, Approved, Rejected, Running, Completed, Stopped }

public enum PartnerRole { Lead, Partner }

/// <summary>
/// The strategic themes and transitions projects serve (Flemish transition priorities and the spearhead domains of
/// the seeds); VARIO (2024) asks for project-based calls on new themes, so the list is the agency's to extend.
/// </summary>
public enum StrategicTheme
{
    CircularEconomy, EnergyTransition, DigitalTransformation, Industry40, HealthAndCare, Mobility, Food, Materials, Logistics, BlueEconomy, Other,
}

/// <summary>The names of the project's lifecycle steps (see <see cref="Project.Lifecycle"/>).</summary>
public static class ProjectStep
{
    public const string Approve = nameof(Approve);
    public const string Reject = nameof(Reject);
    public const string Start = nameof(Start);
    public const string Complete = nameof(Complete);
    public const string Stop = nameof(Stop);
}

/// <summary>A partner of a project: an organisation of the register, its role and its share of the budget in EUR.</summary>
public sealed class ProjectPartner
{
    private ProjectPartner() { }

    public ProjectPartner(Guid organisationId, PartnerRole role, decimal budgetShare)
    {
        OrganisationId = organisationId;
        Role = role;
        BudgetShare = budgetShare;
    }

    public Guid OrganisationId { get; private set; }
    public PartnerRole Role { get; private set; }
    public decimal BudgetShare { get; private set; }

    internal void Change(PartnerRole role, decimal budgetShare) => (Role, BudgetShare) = (role, budgetShare);
}

/// <summary>A cluster a project belongs to; an intercluster project has several.</summary>
public sealed class ProjectCluster
{
    private ProjectCluster() { }

    public ProjectCluster(Guid clusterId) => ClusterId = clusterId;

    public Guid ClusterId { get; private set; }
}

/// <summary>What a proposal or a revision says about the project.</summary>
public sealed record ProjectDetails(
    ProjectType Type, string Title, string? Summary, StrategicTheme Theme, DateOnly Start, DateOnly End,
    int TrlStart, int TrlTarget, decimal TotalBudget, decimal Aid, IReadOnlyList<Guid> ClusterIds);

/// <summary>Results the consortium reports at the end (the SPC KPIs of seed 001: extra turnover, FTE and investments).</summary>
public sealed record ProjectResults(decimal? ExtraTurnover, decimal? ExtraFte, decimal? ExtraInvestments);

/// <summary>
/// A collaboration project, intercluster project, project on regular agency instruments or European project:
/// its partners from the register, the clusters it belongs to, its budget and aid, and where it stands.
/// </summary>
public sealed class Project : IAuditable
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 4000;
    public const int MaxDecisionNoteLength = 1000;

    private readonly List<ProjectPartner> _partners = [];
    private readonly List<ProjectCluster> _clusters = [];

    private Project() { Title = ""; }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public ProjectType Type { get; private set; }
    public string Title { get; private set; }
    public string? Summary { get; private set; }
    public StrategicTheme Theme { get; private set; }
    public DateOnly Start { get; private set; }
    public DateOnly End { get; private set; }

    /// <summary>Technology readiness level (1-9, EU Horizon scale) at the start and the one the project aims for.</summary>
    public int TrlStart { get; private set; }
    public int TrlTarget { get; private set; }

    /// <summary>Total project budget in EUR.</summary>
    public decimal TotalBudget { get; private set; }

    /// <summary>Public aid in EUR: from the envelope for collaboration and intercluster projects, otherwise from the instrument named by the type.</summary>
    public decimal Aid { get; private set; }

    public ProjectStatus Status { get; private set; }
    public string? DecisionNote { get; private set; }
    public DateOnly? DecidedOn { get; private set; }

    public decimal? ExtraTurnover { get; private set; }
    public decimal? ExtraFte { get; private set; }
    public decimal? ExtraInvestments { get; private set; }

    /// <summary>Who proposed it: the cluster manager or programme officer.</summary>
    public Guid? ProposedBy { get; private set; }

    /// <summary>Reference in the source system, kept from an import so a second import of the same list updates rather than duplicates.</summary>
    public string? ExternalReference { get; private set; }

    public IReadOnlyList<ProjectPartner> Partners => _partners;

    public IReadOnlyList<ProjectCluster> Clusters => _clusters;

    public IReadOnlyList<Guid> ClusterIds => _clusters.Select(c => c.ClusterId).Order().ToList();

    public Guid? LeadOrganisationId => _partners.FirstOrDefault(p => p.Role == PartnerRole.Lead)?.OrganisationId;

    /// <summary>Proposes a project, checking what any proposal must satisfy.</summary>
    public static Result<Project> Propose(ProjectDetails details, Guid leadOrganisationId, Guid? proposedBy, string? externalReference = null)
    {
        var check = Check(details);
        if (!check.IsSuccess) return Result<Project>.Fail(check.Error!);
        var project = new Project { Id = Guid.CreateVersion7(), Status = ProjectStatus.Proposed, ProposedBy = proposedBy, ExternalReference = externalReference?.Trim() };
        project.Apply(details);
        project._partners.Add(new ProjectPartner(leadOrganisationId, PartnerRole.Lead, 0));
        return Result<Project>.Ok(project);
    }

    /// <summary>The rules every proposal and revision must meet.</summary>
    public static Result Check(ProjectDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.Title)) return Fail("Project.TitleRequired");
        if (d.Title.Trim().Length > MaxTitleLength) return Fail("Project.TitleTooLong");
        if (DomainRange.FirstOf(DomainRange.Text(d.Summary, MaxSummaryLength, nameof(d.Summary)), DomainRange.Date(d.Start, nameof(d.Start)), DomainRange.Date(d.End, nameof(d.End)),
                DomainRange.Amount(d.TotalBudget, nameof(d.TotalBudget)), DomainRange.Amount(Math.Abs(d.Aid), nameof(d.Aid))) is { } outOfRange)
            return Result.Fail(outOfRange);
        if (d.End < d.Start) return Fail("Project.EndBeforeStart");
        if (d.TrlStart is < 1 or > 9 || d.TrlTarget is < 1 or > 9) return Fail("Project.TrlRange");
        if (d.TrlTarget < d.TrlStart) return Fail("Project.TrlTargetBelowStart");
        if (d.TotalBudget <= 0) return Fail("Project.BudgetPositive");
        if (d.Aid < 0) return Fail("Project.AidNegative");
        if (d.Aid > d.TotalBudget) return Fail("Project.AidAboveBudget");
        var clusters = d.ClusterIds.Distinct().Count();
        if (clusters == 0) return Fail("Project.ClusterRequired");
        // An intercluster project joins clusters; a project on a cluster's earmarked funds belongs to that one cluster.
        if (d.Type == ProjectType.Intercluster && clusters < 2) return Fail("Project.InterclusterNeedsTwoClusters");
        if (d.Type == ProjectType.Collaboration && clusters != 1) return Fail("Project.CollaborationOneCluster");
        return Result.Success;
    }

    /// <summary>A proposal can be revised until the agency decides; after that only the agency corrects it, and never a closed project.</summary>
    public Result Revise(ProjectDetails details, bool byAgency)
    {
        if (!CanBeRevised(byAgency)) return Fail("Project.NotEditable");
        if (Status != ProjectStatus.Proposed && (details.Type != Type || details.Aid != Aid || YearOf(details.Start) != YearOf(Start) || !SameClusters(details.ClusterIds)))
            return Fail("Project.FundingFixedAfterDecision");
        var check = Check(details);
        if (!check.IsSuccess) return check;
        if (_partners.Sum(p => p.BudgetShare) > details.TotalBudget) return Fail("Project.SharesAboveBudget");
        Apply(details);
        return Result.Success;
    }

    public bool CanBeRevised(bool byAgency) => Status == ProjectStatus.Proposed || (byAgency && Status is ProjectStatus.Approved or ProjectStatus.Running);

    /// <summary>Adds a partner or changes its role and share; the lead can only be handed to another partner, never removed.</summary>
    public Result SetPartner(Guid organisationId, PartnerRole role, decimal budgetShare, bool byAgency)
    {
        if (!CanBeRevised(byAgency)) return Fail("Project.NotEditable");
        if (budgetShare < 0) return Fail("Project.ShareNegative");
        if (DomainRange.Amount(budgetShare, nameof(budgetShare)) is { } outOfRange) return Result.Fail(outOfRange);
        var others = _partners.Where(p => p.OrganisationId != organisationId).ToList();
        if (others.Sum(p => p.BudgetShare) + budgetShare > TotalBudget) return Fail("Project.SharesAboveBudget");
        var existing = _partners.FindIndex(p => p.OrganisationId == organisationId);
        if (existing >= 0 && _partners[existing].Role == PartnerRole.Lead && role != PartnerRole.Lead) return Fail("Project.LeadRequired");
        if (role == PartnerRole.Lead)
        {
            // One lead: the former lead stays as a partner.
            foreach (var former in _partners.Where(p => p.Role == PartnerRole.Lead && p.OrganisationId != organisationId)) former.Change(PartnerRole.Partner, former.BudgetShare);
        }
        if (existing >= 0) _partners[existing].Change(role, budgetShare);
        else _partners.Add(new ProjectPartner(organisationId, role, budgetShare));
        return Result.Success;
    }

    public Result RemovePartner(Guid organisationId, bool byAgency)
    {
        if (!CanBeRevised(byAgency)) return Fail("Project.NotEditable");
        var partner = _partners.FirstOrDefault(p => p.OrganisationId == organisationId);
        if (partner is null) return Fail("Project.PartnerUnknown");
        if (partner.Role == PartnerRole.Lead) return Fail("Project.LeadRequired");
        _partners.Remove(partner);
        return Result.Success;
    }

    /// <summary>
    /// The project's lifecycle: the agency approves or rejects a proposal (a rejection says why), starts an approved project,
    /// completes a running one, or stops either early with a reason. Approving commits the aid on the envelope and stopping
    /// releases what was not paid: the caller does both with the <see cref="FundEnvelope"/>, the aggregate of that money.
    /// </summary>
    public static readonly Lifecycle<ProjectStatus> Lifecycle = new("Project",
    [
        Step.Of(ProjectStep.Approve, ProjectStatus.Proposed, ProjectStatus.Approved, Actor.Agency),
        Step.Of(ProjectStep.Reject, ProjectStatus.Proposed, ProjectStatus.Rejected, Actor.Agency, reasonRequired: true),
        Step.Of(ProjectStep.Start, ProjectStatus.Approved, ProjectStatus.Running, Actor.Agency),
        Step.Of(ProjectStep.Complete, ProjectStatus.Running, ProjectStatus.Completed, Actor.Agency),
        Step.Of(ProjectStep.Stop, ProjectStatus.Approved, ProjectStatus.Stopped, Actor.Agency, reasonRequired: true),
        Step.Of(ProjectStep.Stop, ProjectStatus.Running, ProjectStatus.Stopped, Actor.Agency, reasonRequired: true),
    ]);

    /// <summary>Takes a step of the lifecycle as its table allows; the decision's note (or the stop's reason) and day are kept.</summary>
    public Result Take(string step, IReadOnlySet<Actor> actors, string? reason, DateOnly on)
    {
        var check = Lifecycle.Check(Status, step, actors, reason);
        if (!check.IsSuccess) return Result.Fail(check.Error!);
        if (DomainRange.FirstOf(DomainRange.Text(reason, MaxDecisionNoteLength, nameof(reason)), DomainRange.Date(on, nameof(on))) is { } outOfRange) return Result.Fail(outOfRange);
        if (step is ProjectStep.Approve or ProjectStep.Reject)
        {
            DecisionNote = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            DecidedOn = on;
        }
        if (step == ProjectStep.Stop) DecisionNote = reason!.Trim();
        Status = check.Value!.To;
        return Result.Success;
    }

    /// <summary>Results are reported by a running or finished project, never by one that did not start.</summary>
    public Result ReportResults(ProjectResults results)
    {
        if (Status is not (ProjectStatus.Running or ProjectStatus.Completed or ProjectStatus.Stopped)) return Fail("Project.ResultsBeforeStart");
        if (results.ExtraTurnover < 0 || results.ExtraFte < 0 || results.ExtraInvestments < 0) return Fail("Project.ResultNegative");
        if (DomainRange.FirstOf(DomainRange.Amount(results.ExtraTurnover, nameof(results.ExtraTurnover)), DomainRange.Count(results.ExtraFte, nameof(results.ExtraFte)),
                DomainRange.Amount(results.ExtraInvestments, nameof(results.ExtraInvestments))) is { } outOfRange) return Result.Fail(outOfRange);
        (ExtraTurnover, ExtraFte, ExtraInvestments) = (results.ExtraTurnover, results.ExtraFte, results.ExtraInvestments);
        return Result.Success;
    }

    /// <summary>The envelope year a project draws on: the year it starts.</summary>
    public static int YearOf(DateOnly start) => start.Year;

    /// <summary>Collaboration and intercluster projects are paid from an envelope; the others from instruments outside the cluster programme.</summary>
    public static bool DrawsOnEnvelope(ProjectType type) => type is ProjectType.Collaboration or ProjectType.Intercluster;

    private bool SameClusters(IReadOnlyList<Guid> ids) => ids.Distinct().Order().SequenceEqual(ClusterIds);

    private void Apply(ProjectDetails d)
    {
        Type = d.Type;
        Title = d.Title.Trim();
        Summary = string.IsNullOrWhiteSpace(d.Summary) ? null : d.Summary.Trim();
        Theme = d.Theme;
        (Start, End, TrlStart, TrlTarget, TotalBudget, Aid) = (d.Start, d.End, d.TrlStart, d.TrlTarget, d.TotalBudget, d.Aid);
        var wanted = d.ClusterIds.Distinct().ToHashSet();
        _clusters.RemoveAll(c => !wanted.Contains(c.ClusterId));
        foreach (var id in wanted.Where(id => _clusters.All(c => c.ClusterId != id))) _clusters.Add(new ProjectCluster(id));
    }

    private static Result Fail(string code) => Result.Fail(new DomainError(code));
}
