using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;

namespace Clusterpact.Web.Features.Projects;

public static class ProjectsApi
{
    /// <summary>The envelopes are named in memory (<see cref="ListEnvelopes"/>): numbers only, no text order to agree with the databases'.</summary>
    public static void MapProjectsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects").WithTags("Projects").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Projects);
        group.MapGet("/", async (string? search, Guid? cluster, ProjectType? type, ProjectStatus? status, StrategicTheme? theme, int? year, Guid? organisation,
                    [AsParameters] ListWindow window, ListProjects list, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(http.Linked(await list.HandleAsync(new ProjectListQuery(search, cluster, type, status, theme, year, organisation), window, ct))))
            .WithName("ListProjects")
            .WithSort(ListProjects.Sort)
            .WithExample(ApiExamples.List(new ProjectListItem(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3af001"), "Biogebaseerde coatings", ProjectType.Collaboration, ProjectStatus.Running, StrategicTheme.Materials,
                new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), 1_200_000m, 600_000m, "Voorbeeld NV", ["Catalisti"]))).WithSummary("The projects the caller may see (a cluster manager: their clusters'), searched, filtered and sorted; cursor-paged.");
        group.MapGet("/figures", async (int? year, Guid? cluster, StrategicTheme? theme, GetProjectFacts facts, CancellationToken ct) =>
                TypedResults.Ok(ProjectFigures.Totals(await facts.HandleAsync(ct), year, cluster, theme)))
            .WithName("ProjectFigures")
            .WithExample(new ProjectTotals(14, 9, 31, 4_200_000m, 1_800_000m, 9_600_000m, 2_500_000m, 18m, 1_100_000m)).WithSummary("Project KPIs over the caller's projects for a start year, a cluster (or the programme, each project once) and a theme.");
    }
}
