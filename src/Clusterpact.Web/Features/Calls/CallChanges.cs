namespace Clusterpact.Web.Features.Calls;

/// <summary>
/// What the agency's commands on a call and on a submitted application share: the load, the check of the version the
/// officer saw, the aggregate's own change, the save against that version, and a refusal next to the form's field.
/// </summary>
public static class CallChanges
{
    /// <summary>A change to a call by agency staff.</summary>
    public static async Task<CommandOutcome> SaveCallAsync(ClusterpactDbContext db, Permissions permissions, Guid id, long version, Func<Call, Result> change, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return CommandOutcome.NotFound;
        if (call.Version != version) return CommandOutcome.Conflict;
        var result = change(call);
        if (!result.IsSuccess) return Refusal(result.Error!);
        return await db.SaveVersionedAsync(call, version, ct);
    }

    /// <summary>A step on a submitted application, which the application checks against its table with the person's actors.</summary>
    public static async Task<CommandOutcome> SaveApplicationAsync(ClusterpactDbContext db, RecordActors actors, Guid id, long version,
        Func<Application, Call, IReadOnlySet<Actor>, Result> change, CancellationToken ct)
    {
        var app = await db.Applications.SingleOrDefaultAsync(a => a.Id == id && a.Status != ApplicationStatus.Draft, ct);
        if (app is null) return CommandOutcome.NotFound;
        if (app.Version != version) return CommandOutcome.Conflict;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == app.CallId, ct);
        var result = change(app, call, actors.OnApplication(app));
        if (!result.IsSuccess) return StepRefusal.Of<ApplicationStatus>(result.Error!, FieldOf(result.Error!.Code));
        return await db.SaveVersionedAsync(app, version, ct);
    }

    /// <summary>What the signed-in person is for this application in the lifecycle table: what a page offers and the aggregate checks.</summary>
    public static IReadOnlySet<Actor> OnApplication(this RecordActors actors, Application app) => actors.OnApplication(app.OwnerId ?? Guid.Empty);

    /// <summary>A rule's refusal next to the field it concerns (the field given, or the one its code names).</summary>
    public static CommandOutcome Refusal(DomainError error, string? field = null) => CommandOutcome.Invalid(field ?? FieldOf(error.Code), error.Code);

    private static string FieldOf(string code) => code switch
    {
        _ when code.Contains("Title") => "TitleNl",
        _ when code.Contains("Budget") => "BudgetEur",
        _ when code.Contains("Closes") || code.Contains("LocalTime") => "ClosesLocal",
        _ when code.Contains("Scale") => "ScaleMax",
        _ when code.Contains("Criteri") || code.Contains("Weight") => "Criteria",
        _ when code.Contains("Document") => "Documents",
        _ when code.Contains("Reasons") => "Reasons",
        _ when code.Contains("Conditions") || code.Contains("Motivation") => "Decision",
        _ => "Status",
    };
}
