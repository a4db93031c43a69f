using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Funds;

/// <summary>An envelope with the projects holding money on it; <c>version</c> (in the envelope) is also its ETag.</summary>
public sealed record EnvelopeDetailsDto(EnvelopeRow Envelope, IReadOnlyList<EnvelopeUse> Uses)
{
    public static readonly EnvelopeRow ExampleRow = new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3af101"), 2, EnvelopeKind.ClusterEarmarked,
        Guid.Parse("0193f0a0-0000-7000-8000-00000000c001"), "Catalisti", 2026, 3_000_000m, 1_800_000m, 900_000m, null);

    public static readonly EnvelopeDetailsDto Example = new(ExampleRow,
        [new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3af001"), "Biogebaseerde coatings", ProjectStatus.Running, new(2026, 2, 1), 600_000m, 300_000m)]);
}

/// <summary>A year of the funds page: the years that have envelopes and that year's envelopes.</summary>
public sealed record EnvelopeYearDto(int Year, IReadOnlyList<int> Years, IReadOnlyList<EnvelopeRow> Envelopes)
{
    public static readonly EnvelopeYearDto Example = new(2026, [2026, 2025], [EnvelopeDetailsDto.ExampleRow]);
}

/// <summary>A new envelope as the funds page opens it: a spearhead cluster's earmarked funds (its id) or the year's intercluster pool (no cluster).</summary>
public sealed record OpenEnvelopeRequest(EnvelopeKind Kind, Guid? ClusterId,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Funds.Year")] int? Year,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Funds.Amount")] decimal? Amount,
    [property: StringLength(FundEnvelope.NoteMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Funds.Note")] string? Note);

/// <summary>An envelope's new amount (never below what is committed) and why.</summary>
public sealed record ResizeEnvelopeRequest(
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Funds.Amount")] decimal? Amount,
    [property: StringLength(FundEnvelope.NoteMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Funds.Note")] string? Note);

/// <summary>
/// /api/v1/funds: the earmarked envelopes and the intercluster pool the caller sees (<see cref="Scope.Envelopes"/>, as the /Funds
/// pages), opened and resized by agency staff through the pages' use cases (<see cref="OpenEnvelope"/>, <see cref="ResizeEnvelope"/>).
/// </summary>
public static class FundsApi
{
    public static void MapFundsApi(this RouteGroupBuilder api)
    {
        var funds = api.MapGroup("/funds").WithTags("Funds").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Projects);

        funds.MapGet("/", async (int? year, Guid? cluster, [AsParameters] ListWindow window, ListEnvelopesByCursor list, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(http.Linked(await list.HandleAsync(year, cluster, window, ct))))
            .WithSort(ListEnvelopesByCursor.Sort)
            .WithName("ListEnvelopes")
            .WithSummary("Earmarked envelopes and the intercluster pool the caller sees, of a year or a cluster, with committed, paid and remaining amounts in EUR; cursor-paged.")
            .WithExample(ApiExamples.List(EnvelopeDetailsDto.ExampleRow));

        funds.MapGet("/{id:guid}", async Task<Results<Ok<EnvelopeDetailsDto>, NotFound>> (Guid id, GetEnvelope get, HttpContext http, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } found ? http.Tagged(new EnvelopeDetailsDto(found.Envelope, found.Uses), found.Envelope.Version) : TypedResults.NotFound())
            .WithName("GetEnvelope")
            .WithSummary("One envelope with the projects holding money on it; its version is the ETag. 404 when it is not the caller's.")
            .WithExample(EnvelopeDetailsDto.Example);

        funds.MapGet("/years/{year:int}", async Task<Results<Ok<EnvelopeYearDto>, NotFound>> (int year, GetEnvelopeYear get, CancellationToken ct) =>
                await get.HandleAsync(year, ct) is { Year: { } shown } found && found.Years.Contains(shown)
                    ? TypedResults.Ok(new EnvelopeYearDto(shown, found.Years, found.Rows)) : TypedResults.NotFound())
            .WithName("GetEnvelopeYear")
            .WithSummary("A year of the funds page: that year's envelopes the caller sees, and every year that has envelopes. 404 for a year without any.")
            .WithExample(EnvelopeYearDto.Example);

        funds.MapPost("/", async Task<IResult> (OpenEnvelopeRequest body, OpenEnvelope open, GetEnvelope get, IStringLocalizer<SharedResource> text, HttpContext http,
                CancellationToken ct) =>
            {
                var outcome = await open.HandleAsync(new OpenEnvelopeCommand(body.Kind, body.ClusterId, body.Year!.Value, body.Amount!.Value, body.Note), ct);
                if (outcome is not { Status: CommandStatus.Ok, CreatedId: { } id }) return outcome.ToApiResult(text, http);
                var opened = (await get.HandleAsync(id, ct))!;
                return http.CreatedTagged($"/api/v1/funds/{id}", new EnvelopeDetailsDto(opened.Envelope, opened.Uses), opened.Envelope.Version);
            })
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("OpenEnvelope")
            .WithSummary("Open an envelope as the funds page does (agency staff): a spearhead cluster's earmarked funds or the intercluster pool for a year, one of each " +
                         "per year; refused with the rule's reason for another kind of cluster or when it exists.")
            .WithExample(EnvelopeDetailsDto.Example with { Uses = [] }, new OpenEnvelopeRequest(EnvelopeKind.ClusterEarmarked, EnvelopeDetailsDto.ExampleRow.ClusterId, 2026, 3_000_000m, null))
            .Produces(StatusCodes.Status201Created);

        funds.MapPost("/{id:guid}/resize", async Task<IResult> (Guid id, IfMatch? ifMatch, ResizeEnvelopeRequest body, ResizeEnvelope resize,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                (await resize.HandleAsync(id, ifMatch!.Version, body.Amount!.Value, body.Note, ct)).ToApiResult(text, http))
            .WithName("ResizeEnvelope")
            .WithSummary("Change an envelope's amount as its page does (agency staff); never below what projects hold on it (the rule's reason). If-Match: its ETag.")
            .WithExample(ApiExamples.Changed, new ResizeEnvelopeRequest(3_500_000m, "Bijkomend budget na begrotingsaanpassing"));
    }
}
