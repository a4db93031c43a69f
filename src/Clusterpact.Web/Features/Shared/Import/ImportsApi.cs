using System.Security.Cryptography;
using System.Text;
using Clusterpact.Domain.Integrations;
using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Clusterpact.Web.Features.Shared.Import;

/// <summary>One column of the uploaded list: its place, its header as in the file, and the field it fills (null: not imported).</summary>
public sealed record ImportColumnDto(int Index, string? Header, string? Field);

/// <summary>
/// An import as the API shows it: the file, its columns and how they map, the settings, and either the row counts the
/// commit would give (before it) or those it gave. Its ETag is <see cref="ImportsApi.VersionOf"/>.
/// </summary>
public sealed record ImportSessionDto(
    Guid Id, ImportKind Kind, Guid ClusterId, string FileName, ImportSessionStatus Status, IReadOnlyList<ImportColumnDto> Columns,
    IReadOnlyList<string> Fields, string? MappingError, DateOnly DefaultMemberSince, int FiguresYear, ImportCounts Counts, Guid? JobId, DateTimeOffset CreatedAt);

/// <summary>A new mapping (column index to field name; a column left out is not imported) and the kind's settings.</summary>
public sealed record ImportMappingBody(Dictionary<int, string>? Columns, DateOnly? DefaultMemberSince, int? FiguresYear);

/// <summary>
/// Imports through the API, the same four steps as the pages and through the same <see cref="ImportWorkflow"/> (decision
/// 0015): upload the list as the request body (<c>text/csv</c> or the .xlsx type; no form, so no cross-site form can send
/// it), read the session with its counts and the row report, change the mapping, and commit as a background job to poll
/// at <c>/api/v1/jobs/{id}</c>. One route group per kind, each in its API area: a CRM's token with <c>members:write</c>
/// imports members, and only into the clusters its owner (and its cluster) may act on.
/// </summary>
public static class ImportsApi
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapImportsApi(this RouteGroupBuilder api)
    {
        Map(api, ImportKind.Members, ApiArea.Members);
        Map(api, ImportKind.Projects, ApiArea.Projects);
    }

    private static void Map(RouteGroupBuilder api, ImportKind kind, ApiArea area)
    {
        var path = $"/imports/{kind.ToString().ToLowerInvariant()}";
        var group = api.MapGroup(path).WithTags("Imports").RequireAuthorization(Policies.ClusterEditing).ForApiArea(area);
        var example = new ImportSessionDto(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a1001"), kind, Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a0001"),
            "leden.csv", ImportSessionStatus.Uploaded, [new(0, "Naam", "Name"), new(1, "Ondernemingsnummer", "EnterpriseNumber"), new(2, "Opmerking", null)],
            ["Name", "EnterpriseNumber"], null, new DateOnly(2026, 1, 1), 2025, new ImportCounts(118, 4, 2, 0), null, new DateTimeOffset(2026, 12, 4, 9, 30, 0, TimeSpan.Zero));

        group.MapPost("/", async Task<IResult> (Guid cluster, DateOnly? defaultMemberSince, int? figuresYear, string? fileName, HttpContext http,
                ImportWorkflow imports, IStringLocalizer<SharedResource> text, TimeProvider clock, CancellationToken ct) =>
            {
                var definition = imports.Kind(kind);
                var state = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
                var today = clock.TodayInBrussels();
                ImportSettingsForm.Check(definition, defaultMemberSince ?? new DateOnly(today.Year, 1, 1), figuresYear ?? today.Year - 1, "", state, text);
                if (!state.IsValid) return TypedResults.ValidationProblem(state.ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => x.ErrorMessage).ToArray()));
                var name = NameOf(http.Request, fileName);
                if (name is null) return ApiConventions.Problem(text, StatusCodes.Status415UnsupportedMediaType, "Import.WrongType");
                var buffer = Path.Combine(Path.GetTempPath(), $"clusterpact-upload-{Guid.NewGuid():N}");
                try
                {
                    await using var stored = new FileStream(buffer, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
                    await http.Request.Body.CopyToAsync(stored, ct);
                    var file = new FormFile(stored, 0, stored.Length, "file", name);
                    var upload = await imports.UploadAsync(kind, cluster, file, defaultMemberSince ?? new DateOnly(today.Year, 1, 1), figuresYear ?? today.Year - 1, ct);
                    if (upload.SessionId is not { } id)
                        return upload.Field == "Input.ClusterId"
                            ? ApiConventions.Problem(text, StatusCodes.Status403Forbidden, upload.ErrorKey!)
                            : ApiConventions.Problem(text, StatusCodes.Status400BadRequest, upload.ErrorKey!);
                    var session = (await imports.FindAsync(kind, id, ct))!;
                    var dto = await DescribeAsync(imports, session, ct);
                    http.Response.Headers.ETag = ApiConventions.ETagOf(VersionOf(session));
                    return TypedResults.Created($"{http.Request.PathBase}/api/v1{path}/{id}", dto);
                }
                catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    return ApiConventions.Problem(text, StatusCodes.Status413PayloadTooLarge, "Import.WrongSize");
                }
            })
            .WithMetadata(new RequestSizeLimitAttribute(TabularFile.MaxBytes + 1024 * 1024))
            .WithMetadata(new ApiFileBody("text/csv", XlsxType))
            .Produces<ImportSessionDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName($"Upload{kind}Import").WithExample(example, "Naam;Ondernemingsnummer;Lid sinds\r\nVoorbeeld NV;0403170701;01-03-2025\r\n")
            .WithSummary("Upload a list (.csv or .xlsx) as the request body; its columns are mapped by their names. Query: cluster, and the kind's settings.");

        group.MapGet("/{id:guid}", async Task<Results<Ok<ImportSessionDto>, NotFound>> (Guid id, HttpContext http, ImportWorkflow imports, CancellationToken ct) =>
                await imports.FindAsync(kind, id, ct) is { } session
                    ? http.Tagged(await DescribeAsync(imports, session, ct), VersionOf(session))
                    : TypedResults.NotFound())
            .WithName($"Get{kind}Import").WithExample(example)
            .WithSummary("An import: its columns and mapping, and the rows it would accept, update, reject and skip (after the commit: what it did).");

        group.MapGet("/{id:guid}/report", async Task<IResult> (Guid id, ImportWorkflow imports, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                if (await imports.FindAsync(kind, id, ct) is not { } session) return TypedResults.NotFound();
                // A committed import keeps the report of what it wrote; before that, the report is judged now.
                var kept = ImportReportLines.PathOf(session);
                if (session.Status == ImportSessionStatus.Committed && File.Exists(kept))
                    return TypedResults.File(await File.ReadAllBytesAsync(kept, ct), "text/csv", $"{kind.ToString().ToLowerInvariant()}-{id:N}.csv");
                var preview = await imports.Kind(kind).PreviewAsync(session, ct);
                if (preview.Report is null) return ApiConventions.Problem(text, StatusCodes.Status409Conflict, preview.MappingError ?? "Import.MappingInvalid");
                var lines = preview.Report.Rows.SelectMany(r => ImportReportLines.Of(r.RowNumber, r.Status, r.Record, r.Problems)).Prepend(ImportReportLines.Header);
                return TypedResults.File(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"), "text/csv", $"{kind.ToString().ToLowerInvariant()}-{id:N}.csv");
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status409Conflict)
            .WithName($"Get{kind}ImportReport").WithExample("row;status;label;field;problem;value\r\n4;Rejected;;MemberField.EnterpriseNumber;EnterpriseNumber.CheckDigits;0403170702\r\n", contentType: "text/csv")
            .WithSummary("The row-by-row report (CSV): each row's status and each problem with its field, rule and value.");

        group.MapPut("/{id:guid}/mapping", async Task<IResult> (Guid id, IfMatch? ifMatch, ImportMappingBody body, HttpContext http, ImportWorkflow imports,
                IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                if (await imports.FindAsync(kind, id, ct) is not { } session) return TypedResults.NotFound();
                if (VersionOf(session) != ifMatch!.Version) return ApiConventions.Problem(text, StatusCodes.Status412PreconditionFailed, ApiConventions.StaleCode);
                if (session.Status is not (ImportSessionStatus.Uploaded or ImportSessionStatus.Failed))
                    return ApiConventions.Problem(text, StatusCodes.Status409Conflict, "Import.AlreadyCommitted");
                var definition = imports.Kind(kind);
                var unknown = (body.Columns ?? []).Values.FirstOrDefault(f => !definition.Fields.Contains(f, StringComparer.Ordinal));
                if (unknown is not null) return ApiConventions.Problem(text, StatusCodes.Status400BadRequest, "Import.UnknownField");
                var state = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
                ImportSettingsForm.Check(definition, body.DefaultMemberSince ?? session.DefaultMemberSince, body.FiguresYear ?? session.FiguresYear, "", state, text);
                if (!state.IsValid) return TypedResults.ValidationProblem(state.ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => x.ErrorMessage).ToArray()));
                await imports.SaveMappingAsync(session, body.Columns ?? [], body.DefaultMemberSince ?? session.DefaultMemberSince, body.FiguresYear ?? session.FiguresYear, ct);
                var saved = (await imports.FindAsync(kind, id, ct))!;
                return http.Tagged(await DescribeAsync(imports, saved, ct), VersionOf(saved));
            })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName($"Map{kind}Import").WithExample(example, new ImportMappingBody(new() { [0] = "Name", [1] = "EnterpriseNumber" }, new DateOnly(2026, 1, 1), 2025))
            .WithSummary("Change which column fills which field (and the settings), with the import's ETag as If-Match.");

        group.MapPost("/{id:guid}/commit", async Task<IResult> (Guid id, IfMatch? ifMatch, HttpContext http, ImportWorkflow imports,
                IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                if (await imports.FindAsync(kind, id, ct) is not { } session) return TypedResults.NotFound();
                if (VersionOf(session) != ifMatch!.Version) return ApiConventions.Problem(text, StatusCodes.Status412PreconditionFailed, ApiConventions.StaleCode);
                if (session.Status is not (ImportSessionStatus.Uploaded or ImportSessionStatus.Failed))
                    return ApiConventions.Problem(text, StatusCodes.Status409Conflict, "Import.AlreadyCommitted");
                if (await imports.StartCommitAsync(session, ct) is { } refused) return ApiConventions.Problem(text, StatusCodes.Status400BadRequest, refused);
                var started = (await imports.FindAsync(kind, id, ct))!;
                http.Response.Headers.ETag = ApiConventions.ETagOf(VersionOf(started));
                return TypedResults.Accepted($"{http.Request.PathBase}/api/v1/jobs/{started.JobId}", await DescribeAsync(imports, started, ct));
            })
            .Produces<ImportSessionDto>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName($"Commit{kind}Import").WithExample(example with { Status = ImportSessionStatus.Committing, JobId = Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3ae001") })
            .WithSummary("Commit the good rows in the background; Location is the job to poll. All good rows are written, or none.");
    }

    /// <summary>
    /// The import's version for If-Match: it has no row version of its own (only its uploader sees it), so the tag is a
    /// hash of what a change rests on: its state, mapping and settings. Any change of them makes an older tag stale.
    /// </summary>
    public static long VersionOf(ImportSession session)
    {
        var basis = $"{session.Status}|{session.Mapping}|{session.DefaultMemberSince:yyyy-MM-dd}|{session.FiguresYear}|{session.JobId}";
        return BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(basis)), 0) & long.MaxValue;
    }

    private static async Task<ImportSessionDto> DescribeAsync(ImportWorkflow imports, ImportSession session, CancellationToken ct)
    {
        var definition = imports.Kind(session.Kind);
        var mapping = definition.MappingOf(session);
        IReadOnlyList<string?> header = [];
        string? mappingError = null;
        var counts = new ImportCounts(session.Accepted, session.Updated, session.Rejected, session.Skipped);
        try
        {
            using (var reader = UploadStore.Open(session)) header = reader.Header;
            if (session.Status is ImportSessionStatus.Uploaded or ImportSessionStatus.Failed)
                (mappingError, counts) = await definition.CountAsync(session, ct);
        }
        catch (Exception ex) when (ex is TabularFileException or IOException)
        {
            mappingError = "Import.FileGone";
        }
        var columns = header.Select((h, i) => new ImportColumnDto(i, h, mapping.GetValueOrDefault(i))).ToList();
        return new ImportSessionDto(session.Id, session.Kind, session.ClusterId, session.FileName, session.Status, columns, definition.Fields,
            mappingError, session.DefaultMemberSince, session.FiguresYear, counts, session.JobId, session.CreatedAt);
    }

    /// <summary>The file's name: given, or from Content-Disposition, or from the content type; null when it is neither list type.</summary>
    private static string? NameOf(HttpRequest request, string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName) && ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition))
            fileName = (disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value?.Trim('"');
        if (!string.IsNullOrWhiteSpace(fileName)) return TabularFile.FormatOf(fileName) is null ? null : Path.GetFileName(fileName);
        var type = request.ContentType?.Split(';')[0].Trim();
        return string.Equals(type, "text/csv", StringComparison.OrdinalIgnoreCase) ? "upload.csv"
            : string.Equals(type, XlsxType, StringComparison.OrdinalIgnoreCase) ? "upload.xlsx" : null;
    }
}
