using Clusterpact.Web.Features.Funds;

namespace Clusterpact.Web.Features.Projects;

public static class ProjectsApi
{
    public static void MapProjectsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects").WithTags("Projects").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Projects);
        group.MapGet("/", async (string? search, Guid? cluster, ProjectType? type, ProjectStatus? status, StrategicTheme? theme, int? year, Guid? organisation,
                    ProjectSort? sort, bool? desc, int? page, int? pageSize, ProjectQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(new ProjectListQuery(search, cluster, type, status, theme, year, organisation, sort ?? ProjectSort.Start, desc ?? true),
                    new PageRequest(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListProjects").WithSummary("The projects the caller may see (a cluster manager: their clusters'), searched, filtered, sorted and paged.");
        group.MapGet("/figures", async (int? year, Guid? cluster, StrategicTheme? theme, ProjectQueries queries, CancellationToken ct) =>
                TypedResults.Ok(ProjectFigures.Totals(await queries.AllFactsAsync(ct), year, cluster, theme)))
            .WithName("ProjectFigures").WithSummary("Project KPIs over the caller's projects for a start year, a cluster (or the programme, each project once) and a theme.");

        var funds = api.MapGroup("/funds").WithTags("Projects").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Projects);
        funds.MapGet("/", async (int? year, Guid? cluster, FundService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(year, cluster, ct)))
            .WithName("ListEnvelopes").WithSummary("Earmarked envelopes and the intercluster pool with committed, paid and remaining amounts in EUR.");
    }
}
