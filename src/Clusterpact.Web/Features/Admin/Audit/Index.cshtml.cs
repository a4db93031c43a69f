namespace Clusterpact.Web.Features.Admin.Audit;

public sealed class IndexModel(ListAuditEntries list, AuditReading reading) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public Paged<AuditRow> Result { get; private set; } = new([], 1, AuditQuery.PageSize, 0);
    public IReadOnlyList<(string Value, string Label)> EntityTypes { get; private set; } = [];
    public IReadOnlyList<AuditLine> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        EntityTypes = reading.Kinds(await list.EntityTypesAsync(ct));
        Result = await list.HandleAsync(new AuditQuery(EntityType, EntityId, UserName, Field, From, To, reading.FieldsMatching(Field)), PageRequest, ct);
        Lines = await reading.DescribeAsync(Result.Items, ct);
    }

    protected override int DefaultPageSize => AuditQuery.PageSize;

    public string? FromValue => From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public string? ToValue => To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() =>
        [new("entityType", EntityType), new("entityId", EntityId), new("user", UserName), new("field", Field), new("from", FromValue), new("to", ToValue)];
}
