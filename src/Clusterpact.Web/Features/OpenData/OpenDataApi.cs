using Clusterpact.Web.Infrastructure.Security;
namespace Clusterpact.Web.Features.OpenData;

/// <summary>
/// One published award in the API: the GBER Annex III fields under stable camelCase names, amounts as numbers in EUR
/// and dates as ISO 8601 (yyyy-MM-dd). Only organisation data.
/// </summary>
public sealed record AwardDto(
    string Id, string Title, string BeneficiaryName, string EnterpriseNumber, string BeneficiaryType, string NutsRegion, string NutsRegionName,
    string Sector, string AidInstrument, string Objective, string ObjectiveLabel, decimal AidElementEur, DateOnly GrantingDate,
    string GrantingAuthority, string AidMeasureReference, DateOnly? PlannedStart, DateOnly? PlannedEnd)
{
    public static AwardDto From(AidAward a) => new(
        a.Reference, a.Title, a.BeneficiaryName, a.FormattedBeneficiaryId, a.BeneficiaryType == Domain.OpenData.BeneficiaryType.Sme ? "SME" : "Large",
        a.NutsRegion, BelgianRegions.Nuts2.GetValueOrDefault(a.NutsRegion, ""), a.Sector, a.Instrument.ToString(), a.Objective.ToString(), a.ObjectiveLabel,
        a.AidElementEur, a.GrantedOn, a.GrantingAuthority, a.AidMeasureReference, a.PlannedStart, a.PlannedEnd);

    public static readonly AwardDto Example = new("VLAIO-2025-0001", "Werkingsmiddelen Catalisti 2025", "Catalisti vzw", "0123.456.749", "SME", "BE24", "Prov. Vlaams-Brabant",
        "M72.1", "DirectGrant", "InnovationClusters", "Innovatieclusters (AGVV art. 27)", 500_000m, new DateOnly(2025, 1, 15), "VLAIO", "SA.100000", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
}

/// <summary>/api/v1/open-data: the published aid awards for anyone, as JSON, CSV, Excel and a 360Giving package.</summary>
public static class OpenDataApi
{
    public static void MapOpenDataApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/open-data").WithTags("Open data").AllowAnonymous();

        group.MapGet("/awards", async Task<IResult> (HttpRequest request, ListAidAwards awards, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                var (query, pageRequest, errors) = ParseQuery(request.Query, text);
                if (errors.Count > 0) return BadRequest(errors, text);
                var page = await awards.HandleAsync(query, pageRequest, ct);
                return TypedResults.Ok(new Paged<AwardDto>(page.Items.Select(AwardDto.From).ToList(), page.Page, page.PageSize, page.TotalCount));
            })
            .WithName("ListAidAwards")
            .WithExample(new Paged<AwardDto>([AwardDto.Example], 1, Paging.DefaultPageSize, 1))
            .WithSummary("Published aid awards (GBER art. 9: above the threshold in force on the granting date), searched, filtered, sorted and paged. " +
                         "Parameters: search, year, objective (InnovationClusters, ResearchAndDevelopmentProjects), region (NUTS 2, e.g. BE21), sort (Date, Beneficiary, Amount, Region, Sector), desc, page, pageSize (1-200).");

        foreach (var format in new[] { "csv", "xlsx" })
        {
            group.MapGet($"/awards.{format}", async Task<IResult> (HttpRequest request, ListAidAwards awards, IStringLocalizer<SharedResource> text, TimeProvider clock, CancellationToken ct) =>
                {
                    var (query, _, errors) = ParseQuery(request.Query, text);
                    if (errors.Count > 0) return BadRequest(errors, text);
                    var file = await TableExport.ToFileAsync(format, text["OpenData.Title"], "open-data-steun", await awards.AllAsync(query, ct), Columns(text), clock, ct);
                    return TypedResults.File(file.FileStream, file.ContentType, file.FileDownloadName);
                })
                .WithName(format == "csv" ? "AidAwardsCsv" : "AidAwardsXlsx")
                .WithExample(format == "csv" ? "Begunstigde;Ondernemingsnummer;Type begunstigde;...\nVoorbeeld NV;0403.170.701;SME;..." : "(an .xlsx workbook with the same columns)",
                    contentType: format == "csv" ? "text/csv" : TableExport.XlsxContentType)
                .WithSummary($"The published awards with the same filters as /awards, as {(format == "csv" ? "CSV (semicolons, decimal comma, UTF-8)" : "an Excel workbook")}.");
        }

        group.MapGet("/360giving.json", async Task<IResult> (ExportThreeSixtyGiving export, Infrastructure.Hosting.PublicUrls urls, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                var package = await export.HandleAsync(urls.To("/OpenData"), ct);
                return package.IsSuccess
                    ? Results.Text(package.Value!, "application/json; charset=utf-8")
                    : TypedResults.Problem(text[package.Error!.Code], statusCode: StatusCodes.Status404NotFound, extensions: new Dictionary<string, object?> { ["code"] = package.Error.Code });
            })
            .WithName("AidAwards360Giving")
            .WithExample(new { grants = new[] { new { id = "360G-VLAIO-2025-0001", title = "Werkingsmiddelen Catalisti 2025", currency = "EUR", amountAwarded = 500000, awardDate = "2025-01-15", recipientOrganization = new[] { new { id = "BE-BCE_KBO-0123456749", name = "Catalisti vzw" } } } } })
            .WithSummary("All published awards as a 360Giving data package (grants with org-ids BE-BCE_KBO-..., amounts in EUR).");
    }

    /// <summary>The columns of the CSV and Excel files and of nothing else: the Annex III fields, no person.</summary>
    public static ExportColumn<AidAward>[] Columns(IStringLocalizer text) =>
    [
        new(text["OpenData.Beneficiary"], a => a.BeneficiaryName),
        new(text["OpenData.EnterpriseNumber"], a => a.FormattedBeneficiaryId),
        new(text["OpenData.BeneficiaryType"], a => text["OpenData.Type." + a.BeneficiaryType].Value),
        new(text["OpenData.Region"], a => a.NutsRegion),
        new(text["OpenData.RegionName"], a => BelgianRegions.Nuts2.GetValueOrDefault(a.NutsRegion, "")),
        new(text["OpenData.Sector"], a => a.Sector),
        new(text["OpenData.Instrument"], a => text["OpenData.Instrument." + a.Instrument].Value),
        new(text["OpenData.Objective"], a => text["OpenData.Objective." + a.Objective].Value),
        new(text["OpenData.Amount"], a => a.AidElementEur),
        new(text["OpenData.GrantedOn"], a => a.GrantedOn),
        new(text["OpenData.Authority"], a => a.GrantingAuthority),
        new(text["OpenData.Measure"], a => a.AidMeasureReference),
        new(text["OpenData.AwardTitle"], a => a.Title),
        new(text["OpenData.Reference"], a => a.Reference),
    ];

    private static readonly HashSet<string> Known = new(["search", "year", "objective", "region", "sort", "desc", "page", "pageSize", "culture", "ui-culture"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the query string strictly: an unknown value is a 400 naming the parameter and what it accepts, rather
    /// than being ignored (a consumer who misspells a filter would otherwise get every award and not know).
    /// </summary>
    public static (AwardQuery Query, PageRequest Page, Dictionary<string, string[]> Errors) ParseQuery(IQueryCollection q, IStringLocalizer text)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Bad(string name, string key) => errors[name] = [text[key, q[name].ToString()]];
        foreach (var name in q.Keys.Where(k => !Known.Contains(k))) errors[name] = [text["OpenData.Api.UnknownParameter", name]];

        string? One(string name) => q.TryGetValue(name, out var v) ? v.ToString().Trim() : null;
        var search = One("search");
        if (search is { Length: > 100 }) Bad("search", "OpenData.Api.Search");

        int? year = null;
        if (One("year") is { Length: > 0 } y)
        {
            if (int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 2000 and <= 2100) year = parsed;
            else Bad("year", "OpenData.Api.Year");
        }

        AidObjective? objective = null;
        if (One("objective") is { Length: > 0 } o)
        {
            if (!o.All(char.IsAsciiDigit) && Enum.TryParse<AidObjective>(o, true, out var parsed)) objective = parsed;
            else Bad("objective", "OpenData.Api.Objective");
        }

        string? region = null;
        if (One("region") is { Length: > 0 } r)
        {
            var nuts = BelgianRegions.NormaliseNuts(r);
            if (nuts.IsSuccess) region = nuts.Value;
            else Bad("region", "OpenData.Api.Region");
        }

        var sort = AwardSort.Date;
        if (One("sort") is { Length: > 0 } s && (s.All(char.IsAsciiDigit) || !Enum.TryParse(s, true, out sort))) Bad("sort", "OpenData.Api.Sort");

        var desc = true;
        if (One("desc") is { Length: > 0 } d && !bool.TryParse(d, out desc)) Bad("desc", "OpenData.Api.Desc");

        var page = 1;
        if (One("page") is { Length: > 0 } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1)) Bad("page", "OpenData.Api.Page");

        var pageSize = Paging.DefaultPageSize;
        if (One("pageSize") is { Length: > 0 } ps && (!int.TryParse(ps, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > Paging.MaxPageSize))
            Bad("pageSize", "OpenData.Api.PageSize");

        return (new AwardQuery(string.IsNullOrEmpty(search) ? null : search, year, objective, region, sort, desc), new PageRequest(page, pageSize), errors);
    }

    private static IResult BadRequest(Dictionary<string, string[]> errors, IStringLocalizer text) =>
        TypedResults.ValidationProblem(errors, title: text["OpenData.Api.BadRequest"]);
}
