using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Budget;

/// <summary>A saved scenario in the list: its period, how many clusters it plans and its total (null when its parameters no longer project).</summary>
public sealed record ScenarioSummaryDto(Guid Id, string Name, GreenPaperScenario Basis, int FirstYear, int LastYear, int Clusters, decimal? Total, DateTimeOffset UpdatedAt, long Version)
{
    public static ScenarioSummaryDto From(SavedBudgetScenario s)
    {
        var projection = ScenarioProjection.Compute(s.ToScenario());
        return new(s.Id, s.Name, s.Basis, s.FirstYear, s.LastYear, s.Clusters.Count, projection.IsSuccess ? projection.Value!.Total.Total : null, s.UpdatedAt, s.Version);
    }

    public static readonly ScenarioSummaryDto Example = new(ScenarioDto.Example.Id, ScenarioDto.Example.Name, ScenarioDto.Example.Basis, 2027, 2030, 1, 2_600_000m,
        new(2026, 11, 30, 14, 0, 0, TimeSpan.Zero), 2);
}

/// <summary>
/// A saved scenario's parameters (the same shape a change sends back) with its total over the period, or the rule its
/// parameters break (<c>projectionError</c>); <c>version</c> is also its ETag.
/// </summary>
public sealed record ScenarioDto(Guid Id, string Name, GreenPaperScenario Basis, int FirstYear, int LastYear, string? Notes, IReadOnlyList<ClusterBudgetLine> Clusters,
    IReadOnlyList<ProgrammeLine> ProgrammeLines, decimal? Total, string? ProjectionError, long Version)
{
    public static ScenarioDto From(ProjectedScenario p)
    {
        var s = p.Saved.ToScenario();
        return new(p.Saved.Id, s.Name, s.Basis, s.FirstYear, s.LastYear, s.Notes, s.Clusters, s.ProgrammeLines, p.Projection.IsSuccess ? p.Projection.Value!.Total.Total : null,
            p.Projection.IsSuccess ? null : p.Projection.Error!.Code, p.Saved.Version);
    }

    public static readonly ClusterBudgetLine ExampleCluster = new()
    {
        ClusterId = Guid.Parse("0193f0a0-0000-7000-8000-00000000c001"), Name = "Catalisti", Type = ClusterType.SpearheadCluster, OperatingAidPerYear = 650_000m,
        EarmarkedPerYear = 0m, TermEnd = new(2026, 12, 31), ContinuesAfterTerm = true, FollowOnFundingPerYear = 400_000m,
    };

    public static readonly ScenarioDto Example = new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3ad001"), "Basisopdracht 2027-2030", GreenPaperScenario.BasicMissionWithEarmarkedFunds,
        2027, 2030, null, [ExampleCluster], [new(ProgrammeLineKind.InterclusterPool, "Intercluster-pool", new Dictionary<int, decimal> { [2027] = 1_000_000m })], 2_600_000m, null, 2);
}

/// <summary>A new scenario as the new-scenario page takes it: one of the green paper's four (its defaults for the clusters funded today) and a period.</summary>
public sealed record CreateScenarioRequest(
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Budget.Basis")] GreenPaperScenario? Basis,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Budget.FirstYear")] int? FirstYear,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Budget.LastYear")] int? LastYear,
    [property: StringLength(SavedBudgetScenario.NameMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Budget.Name")] string? Name);

/// <summary>A scenario's parameters as the edit page changes them, in the shape its read answers.</summary>
public sealed record ScenarioRequest(string? Name, GreenPaperScenario Basis,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Budget.FirstYear")] int? FirstYear,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Budget.LastYear")] int? LastYear,
    string? Notes, IReadOnlyList<ClusterBudgetLine>? Clusters, IReadOnlyList<ProgrammeLine>? ProgrammeLines)
{
    public BudgetScenario ToScenario() => new(Name ?? "", Basis, FirstYear!.Value, LastYear!.Value, Clusters ?? [], ProgrammeLines ?? []) { Notes = Notes };
}

/// <summary>The copy's name.</summary>
public sealed record CopyScenarioRequest(
    [property: Required(ErrorMessage = "Validation.Required"), StringLength(SavedBudgetScenario.NameMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Budget.Name")] string? Name);

/// <summary>Saved scenarios side by side (the first is the baseline): per year, over the period and per cluster, each with its difference to the baseline.</summary>
public sealed record ScenarioComparisonDto(IReadOnlyList<Guid> Scenarios, IReadOnlyList<ComparisonRow> Years, ComparisonRow Period, IReadOnlyList<ClusterComparisonRow> Clusters)
{
    private static readonly BudgetFigures Figures = new(650_000m, 0m, 0m, 1_000_000m);

    public static readonly ScenarioComparisonDto Example = new([ScenarioDto.Example.Id, Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3ad002")],
        [new(2027, [new("Basisopdracht 2027-2030", GreenPaperScenario.BasicMissionWithEarmarkedFunds, Figures, BudgetFigures.Zero),
            new("Commercieel", GreenPaperScenario.CommercialWithoutStructuralFunding, BudgetFigures.Zero, new(-650_000m, 0m, 0m, -1_000_000m))])],
        new(null, [new("Basisopdracht 2027-2030", GreenPaperScenario.BasicMissionWithEarmarkedFunds, Figures, BudgetFigures.Zero)]),
        [new(ScenarioDto.ExampleCluster.ClusterId, "Catalisti", [new("Basisopdracht 2027-2030", true, Figures, BudgetFigures.Zero)])]);
}

/// <summary>
/// /api/v1/budget-scenarios: the budget planner's saved scenarios (policy ProgrammeView, as /Budget), read, projected and compared,
/// made, changed, copied and deleted by agency staff through the planner's use cases (<see cref="CreateScenario"/>,
/// <see cref="UpdateScenario"/>, <see cref="CopyScenario"/>, <see cref="DeleteScenario"/>), so its rules refuse here what they refuse there.
/// </summary>
public static class BudgetApi
{
    public static void MapBudgetApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/budget-scenarios").WithTags("Budget").RequireAuthorization(Policies.ProgrammeView).ForApiArea(ApiArea.Budget);

        group.MapGet("/", async ([AsParameters] ListWindow window, ListScenariosByCursor list, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(http.Linked(await list.HandleAsync(window, ct))))
            .WithSort(ListScenariosByCursor.Sort)
            .WithName("ListScenarios")
            .WithSummary("The saved budget scenarios with their period and total over it; cursor-paged, oldest first.")
            .WithExample(ApiExamples.List(ScenarioSummaryDto.Example));

        group.MapGet("/{id:guid}", async Task<Results<Ok<ScenarioDto>, NotFound>> (Guid id, ProjectScenario get, HttpContext http, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } found ? http.Tagged(ScenarioDto.From(found), found.Saved.Version) : TypedResults.NotFound())
            .WithName("GetScenario")
            .WithSummary("One scenario's parameters and its total over the period; its version is the ETag.")
            .WithExample(ScenarioDto.Example);

        group.MapGet("/compare", async Task<IResult> ([FromQuery(Name = "id")] Guid[] id, CompareScenarios compare, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                if (id.Length < 2 || id.Distinct().Count() != id.Length) return ApiConventions.Problem(text, StatusCodes.Status400BadRequest, "Scenario.ComparisonNeedsTwo");
                if (await compare.HandleAsync(id, ct) is not { } result) return TypedResults.NotFound();
                if (!result.IsSuccess) return ApiConventions.Problem(text, StatusCodes.Status400BadRequest, result.Error!.Code);
                var c = result.Value!;
                return TypedResults.Ok(new ScenarioComparisonDto(id, c.Years, c.Period, c.Clusters));
            })
            .WithName("CompareScenarios")
            .WithSummary("Two or more scenarios of the same period side by side (?id=…&id=…, the first is the baseline), as the comparison page shows them; " +
                         "refused with the rule's reason when the periods or names differ too little.")
            .WithExample(ScenarioComparisonDto.Example)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<IResult> (CreateScenarioRequest body, CreateScenario create, ProjectScenario get, IStringLocalizer<SharedResource> text, HttpContext http,
                CancellationToken ct) =>
            {
                var basis = body.Basis!.Value;
                var name = string.IsNullOrWhiteSpace(body.Name) ? text["GreenPaperScenario." + basis].Value : body.Name;
                var outcome = await create.HandleAsync(new CreateScenarioCommand(basis, body.FirstYear!.Value, body.LastYear!.Value, name,
                    kind => text["ProgrammeLineKind." + kind].Value), ct);
                return await CreatedAsync(outcome, get, text, http, ct);
            })
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("CreateScenario")
            .WithSummary("Start a scenario from one of the green paper's four with its defaults for the clusters funded today, as the new-scenario page does (agency staff).")
            .WithExample(ScenarioDto.Example with { Version = 0 }, new CreateScenarioRequest(GreenPaperScenario.BasicMissionWithEarmarkedFunds, 2027, 2030, "Basisopdracht 2027-2030"))
            .Produces(StatusCodes.Status201Created);

        group.MapPut("/{id:guid}", async Task<IResult> (Guid id, IfMatch? ifMatch, ScenarioRequest body, UpdateScenario update, IStringLocalizer<SharedResource> text,
                HttpContext http, CancellationToken ct) =>
                (await update.HandleAsync(id, ifMatch!.Version, body.ToScenario(), ct)).ToApiResult(text, http))
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("UpdateScenario")
            .WithSummary("Change a scenario's parameters as the edit page does (agency staff); refused with the rule's reason and the parameter it concerns. If-Match: its ETag.")
            .WithExample(ApiExamples.Changed, new ScenarioRequest(ScenarioDto.Example.Name, ScenarioDto.Example.Basis, 2027, 2030, "Na overleg met het kabinet",
                ScenarioDto.Example.Clusters, ScenarioDto.Example.ProgrammeLines));

        group.MapPost("/{id:guid}/copy", async Task<IResult> (Guid id, IfMatch? ifMatch, CopyScenarioRequest body, CopyScenario copy, ProjectScenario get,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                await CreatedAsync(await copy.HandleAsync(id, body.Name!, ct, ifMatch!.Version), get, text, http, ct))
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("CopyScenario")
            .WithSummary("Copy a scenario under a new name to vary it (agency staff); If-Match: the ETag of the scenario as read, so a changed one is not copied unseen.")
            .WithExample(ScenarioDto.Example with { Name = "Basisopdracht 2027-2030 (kopie)", Version = 0 }, new CopyScenarioRequest("Basisopdracht 2027-2030 (kopie)"))
            .Produces(StatusCodes.Status201Created);

        group.MapDelete("/{id:guid}", async Task<IResult> (Guid id, IfMatch? ifMatch, DeleteScenario delete, IStringLocalizer<SharedResource> text, HttpContext http,
                CancellationToken ct) =>
                (await delete.HandleAsync(id, ifMatch!.Version, ct)).ToApiResult(text, http))
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("DeleteScenario")
            .WithSummary("Delete a scenario (agency staff) at the version read. If-Match: its ETag.")
            .WithExample(ApiExamples.Changed);
    }

    /// <summary>A scenario a command made: 201 with it, or the refusal.</summary>
    private static async Task<IResult> CreatedAsync(CommandOutcome outcome, ProjectScenario get, IStringLocalizer text, HttpContext http, CancellationToken ct)
    {
        if (outcome is not { Status: CommandStatus.Ok, CreatedId: { } id }) return outcome.ToApiResult(text, http);
        var created = (await get.HandleAsync(id, ct))!;
        return http.CreatedTagged($"/api/v1/budget-scenarios/{id}", ScenarioDto.From(created), created.Saved.Version);
    }
}
