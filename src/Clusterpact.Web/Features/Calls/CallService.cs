using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Calls;

public enum CallSort { Closes, Title, Budget, Status }

public sealed record CallRow(Guid Id, string TitleNl, string TitleEn, CallKind Kind, CallStatus Status, decimal BudgetEur, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Applications)
{
    public string Title(bool english) => english ? TitleEn : TitleNl;
}

/// <summary>The terms of a call as the form gives them; criteria and documents are rows, blank rows are ignored.</summary>
public sealed record CallTerms(CallKind Kind, string TitleNl, string TitleEn, decimal BudgetEur, DateTime OpensLocal, DateTime ClosesLocal, int ScaleMin, int ScaleMax,
    bool HideApplicant, IReadOnlyList<CallCriterion> Criteria, IReadOnlyList<RequiredDocument> Documents);

/// <summary>One expert on one application, with the name the agency sees.</summary>
public sealed record AssignmentView(ExpertAssignment Assignment, string ExpertName, string? ExpertAffiliation);

public sealed record ApplicationRow(Guid Id, string Reference, string ApplicantName, ApplicationStatus Status, decimal RequestedEur, DateTimeOffset? SubmittedAt,
    int Experts, int Declared, int Conflicts, ApplicationOutcome? Outcome);

/// <summary>Everything the agency's page on one application shows.</summary>
public sealed record AgencyApplicationView(Call Call, Application Application, IReadOnlyList<AssignmentView> Panel, Consensus? Consensus,
    IReadOnlyDictionary<Guid, string> People, IReadOnlyList<(Guid Id, string Name, string? Affiliation)> Experts, RankedApplication? Ranked);

/// <summary>
/// Calls and their applications for agency staff: prepare and publish a call, check eligibility, assign experts,
/// record the consensus, rank and decide. Every command saves against the version the officer saw.
/// </summary>
public sealed class CallService(ClusterpactDbContext db, CurrentUser user, Permissions permissions, RecordActors actors, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    private Guid Me => user.Id ?? Guid.Empty;

    public async Task<Paged<CallRow>> ListAsync(string? search, CallKind? kind, CallStatus? status, CallSort sort, bool desc, PageRequest page, CancellationToken ct)
    {
        var query = db.Calls.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var t = search.Trim().ToLower();
            query = query.Where(c => c.TitleNl.ToLower().Contains(t) || c.TitleEn.ToLower().Contains(t));
        }
        if (kind is { } k) query = query.Where(c => c.Kind == k);
        if (status is { } s) query = query.Where(c => c.Status == s);
        // Calls are few (a handful a year): filter in SQL, sort and page the rows in memory.
        var counts = await db.Applications.Where(a => a.Status != ApplicationStatus.Draft).GroupBy(a => a.CallId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = (await query.ToListAsync(ct)).Select(c => new CallRow(c.Id, c.TitleNl, c.TitleEn, c.Kind, c.Status, c.BudgetEur, c.OpensAt, c.ClosesAt,
            counts.GetValueOrDefault(c.Id)));
        var ordered = (sort, desc) switch
        {
            (CallSort.Title, false) => rows.OrderBy(r => r.TitleNl, StringComparer.CurrentCultureIgnoreCase),
            (CallSort.Title, true) => rows.OrderByDescending(r => r.TitleNl, StringComparer.CurrentCultureIgnoreCase),
            (CallSort.Budget, false) => rows.OrderBy(r => r.BudgetEur),
            (CallSort.Budget, true) => rows.OrderByDescending(r => r.BudgetEur),
            (CallSort.Status, false) => rows.OrderBy(r => r.Status).ThenByDescending(r => r.ClosesAt),
            (CallSort.Status, true) => rows.OrderByDescending(r => r.Status).ThenByDescending(r => r.ClosesAt),
            (_, false) => rows.OrderBy(r => r.ClosesAt),
            _ => rows.OrderByDescending(r => r.ClosesAt),
        };
        return ordered.ThenBy(r => r.Id).ToPage(page);
    }

    public Task<Call?> GetAsync(Guid id, CancellationToken ct) => db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);

    public async Task<(CommandOutcome Outcome, Guid? Id)> CreateAsync(CallTerms terms, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return (CommandOutcome.Forbidden, null);
        var created = Call.Create(terms.Kind, terms.TitleNl, terms.TitleEn, terms.BudgetEur, terms.OpensLocal, terms.ClosesLocal,
            new ScoringScale(terms.ScaleMin, terms.ScaleMax), terms.HideApplicant);
        if (!created.IsSuccess) return (Invalid(created.Error!), null);
        var call = created.Value!;
        var lists = SetLists(call, terms);
        if (!lists.IsSuccess) return (Invalid(lists.Error!), null);
        db.Calls.Add(call);
        await db.SaveChangesAsync(ct);
        return (CommandOutcome.Ok(call.Version), call.Id);
    }

    public Task<CommandOutcome> ReviseAsync(Guid id, long version, CallTerms terms, CancellationToken ct) =>
        ChangeCallAsync(id, version, call =>
        {
            var revised = call.Revise(terms.TitleNl, terms.TitleEn, terms.BudgetEur, terms.OpensLocal, terms.ClosesLocal, new ScoringScale(terms.ScaleMin, terms.ScaleMax), terms.HideApplicant);
            return revised.IsSuccess ? SetLists(call, terms) : revised;
        }, ct);

    public Task<CommandOutcome> PublishAsync(Guid id, long version, CancellationToken ct) => ChangeCallAsync(id, version, c => c.Publish(), ct);

    public Task<CommandOutcome> CloseAsync(Guid id, long version, CancellationToken ct) => ChangeCallAsync(id, version, c => c.Close(Now), ct);

    /// <summary>Marks the call decided once no application that went to review is left undecided.</summary>
    public async Task<CommandOutcome> MarkDecidedAsync(Guid id, long version, CancellationToken ct)
    {
        var open = await db.Applications.AnyAsync(a => a.CallId == id && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Eligible || a.Status == ApplicationStatus.UnderReview), ct);
        if (open) return CommandOutcome.Invalid("Status", "Call.UndecidedApplications");
        return await ChangeCallAsync(id, version, c => c.MarkDecided(), ct);
    }

    private static Result SetLists(Call call, CallTerms terms)
    {
        var criteria = call.SetCriteria(terms.Criteria);
        return criteria.IsSuccess ? call.SetRequiredDocuments(terms.Documents) : criteria;
    }

    private async Task<CommandOutcome> ChangeCallAsync(Guid id, long version, Func<Call, Result> change, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return CommandOutcome.NotFound;
        if (call.Version != version) return CommandOutcome.Conflict;
        var result = change(call);
        if (!result.IsSuccess) return Invalid(result.Error!);
        return await db.SaveVersionedAsync(call, version, ct);
    }

    public async Task<IReadOnlyList<ApplicationRow>> ApplicationsAsync(Guid callId, CancellationToken ct)
    {
        var apps = await db.Applications.AsNoTracking().Where(a => a.CallId == callId && a.Status != ApplicationStatus.Draft).ToListAsync(ct);
        var panel = await db.ExpertAssignments.AsNoTracking().Where(a => a.CallId == callId).ToListAsync(ct);
        return apps.OrderBy(a => a.Number).Select(a =>
        {
            var mine = panel.Where(p => p.ApplicationId == a.Id).ToList();
            return new ApplicationRow(a.Id, a.Reference, a.ApplicantName, a.Status, a.RequestedAidEur, a.SubmittedAt, mine.Count,
                mine.Count(p => p.Declaration != ConflictDeclaration.None), mine.Count(p => p.Declaration == ConflictDeclaration.Conflict), a.Outcome);
        }).ToList();
    }

    /// <summary>
    /// The ranking of the applications under review or decided, on the consensus where recorded and else the experts'
    /// mean; the names are the applicants' (the agency always sees them).
    /// </summary>
    public async Task<RankingResult?> RankAsync(Call call, CancellationToken ct)
    {
        var apps = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == call.Id && (a.Status == ApplicationStatus.UnderReview || a.Status == ApplicationStatus.Decided)).ToListAsync(ct);
        var ids = apps.Select(a => a.Id).ToList();
        var panel = await db.ExpertAssignments.AsNoTracking().Where(a => ids.Contains(a.ApplicationId)).ToListAsync(ct);
        var consensus = await db.Consensus.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).ToListAsync(ct);
        var ranked = Ranking.Rank(call, apps.Select(a => ApplicationScores.From(a, panel, consensus.SingleOrDefault(c => c.ApplicationId == a.Id))));
        return ranked.IsSuccess ? ranked.Value : null;
    }

    public async Task<AgencyApplicationView?> ApplicationAsync(Guid applicationId, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.Status != ApplicationStatus.Draft, ct);
        if (app is null) return null;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == app.CallId, ct);
        var panel = await db.ExpertAssignments.AsNoTracking().Where(a => a.ApplicationId == app.Id).ToListAsync(ct);
        var consensus = await db.Consensus.AsNoTracking().SingleOrDefaultAsync(c => c.ApplicationId == app.Id, ct);
        var experts = (await ActiveExperts()
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Affiliation }).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName, u.Affiliation)).ToList();
        var peopleIds = app.History.Select(h => h.By).Concat(panel.Select(p => p.ExpertId)).Concat(consensus?.Scores.Select(s => s.RecordedBy) ?? []).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => peopleIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Affiliation }).ToListAsync(ct);
        var people = users.ToDictionary(u => u.Id, u => u.DisplayName);
        var affiliations = users.ToDictionary(u => u.Id, u => u.Affiliation);
        var ranking = app.Status is ApplicationStatus.UnderReview or ApplicationStatus.Decided ? await RankAsync(call, ct) : null;
        return new AgencyApplicationView(call, app,
            panel.OrderBy(p => people.GetValueOrDefault(p.ExpertId)).Select(p => new AssignmentView(p, people.GetValueOrDefault(p.ExpertId, "?"), affiliations.GetValueOrDefault(p.ExpertId))).ToList(),
            consensus, people, experts, ranking?.Applications.SingleOrDefault(r => r.ApplicationId == app.Id));
    }

    /// <summary>What the signed-in person is for this application in the lifecycle table: what the page offers and the aggregate checks.</summary>
    public IReadOnlySet<Actor> ActorsOn(Application app) => actors.OnApplication(app.OwnerId ?? Guid.Empty);

    /// <summary>
    /// A step of the application's lifecycle (eligible, ineligible with its reasons one per line, start of the review),
    /// checked by the application against its table with the person's actors. Who hears of it is the step's own
    /// declaration (<see cref="StepNotices"/>), mailed when the step is saved (<see cref="StepMail"/>).
    /// </summary>
    public Task<CommandOutcome> StepAsync(Guid id, long version, string step, string? reason, CancellationToken ct) =>
        ChangeApplicationAsync(id, version, (a, call, who) => a.Take(call, step, who, reason, Me, Now), ct);

    public Task<CommandOutcome> DecideAsync(Guid id, long version, ApplicationOutcome outcome, string? conditions, string? motivation, CancellationToken ct) =>
        ChangeApplicationAsync(id, version, (a, call, who) => a.Decide(call, who, outcome, conditions, motivation, Me, Now), ct);

    private async Task<CommandOutcome> ChangeApplicationAsync(Guid id, long version, Func<Application, Call, IReadOnlySet<Actor>, Result> change, CancellationToken ct)
    {
        var app = await db.Applications.SingleOrDefaultAsync(a => a.Id == id && a.Status != ApplicationStatus.Draft, ct);
        if (app is null) return CommandOutcome.NotFound;
        if (app.Version != version) return CommandOutcome.Conflict;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == app.CallId, ct);
        var result = change(app, call, ActorsOn(app));
        if (!result.IsSuccess) return Invalid(result.Error!);
        return await db.SaveVersionedAsync(app, version, ct);
    }

    /// <summary>Assigns an expert; the register check for likely conflicts runs on the expert's affiliation's enterprise number.</summary>
    public async Task<CommandOutcome> AssignAsync(Guid applicationId, Guid expertId, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.Status != ApplicationStatus.Draft, ct);
        if (app is null) return CommandOutcome.NotFound;
        var expert = await ActiveExperts().SingleOrDefaultAsync(u => u.Id == expertId, ct);
        if (expert is null) return CommandOutcome.Invalid("ExpertId", "Expert.Unknown");
        if (await db.ExpertAssignments.AnyAsync(a => a.ApplicationId == applicationId && a.ExpertId == expertId, ct)) return CommandOutcome.Invalid("ExpertId", "Expert.AlreadyAssigned");
        var assigned = ExpertAssignment.Assign(app, expertId, null, expert.AffiliationEnterpriseNumber);
        if (!assigned.IsSuccess) return Invalid(assigned.Error!, "ExpertId");
        db.ExpertAssignments.Add(assigned.Value!);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Ok(0);
    }

    /// <summary>Active users with the external-expert role: who may be assigned.</summary>
    private IQueryable<AppUser> ActiveExperts() =>
        db.Users.AsNoTracking().Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.ExternalExpert)));

    /// <summary>Takes an expert off an application: only before they scored, so no judgement disappears from the record.</summary>
    public async Task<CommandOutcome> UnassignAsync(Guid applicationId, Guid assignmentId, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var assignment = await db.ExpertAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.ApplicationId == applicationId, ct);
        if (assignment is null) return CommandOutcome.NotFound;
        if (assignment.Scores.Count > 0 && assignment.Declaration != ConflictDeclaration.Conflict) return CommandOutcome.Invalid("ExpertId", "Expert.HasScored");
        db.ExpertAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Ok(0);
    }

    public async Task<CommandOutcome> RecordConsensusAsync(Guid applicationId, string criterion, decimal value, string? justification, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app is null) return CommandOutcome.NotFound;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == app.CallId, ct);
        var panel = await db.ExpertAssignments.AsNoTracking().Where(a => a.ApplicationId == applicationId).ToListAsync(ct);
        var consensus = await db.Consensus.SingleOrDefaultAsync(c => c.ApplicationId == applicationId, ct);
        var isNew = consensus is null;
        consensus ??= Consensus.For(app);
        var version = consensus.Version;
        var recorded = consensus.Record(call, app, panel, criterion, value, justification, Me, Now);
        if (!recorded.IsSuccess) return Invalid(recorded.Error!, "Consensus");
        if (isNew)
        {
            db.Consensus.Add(consensus);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { return CommandOutcome.Conflict; }
            return CommandOutcome.Ok(consensus.Version);
        }
        return await db.SaveVersionedAsync(consensus, version, ct);
    }

    /// <summary>An attachment's bytes for agency staff, who see every submitted application.</summary>
    public async Task<(Attachment Attachment, byte[] Content)?> FileAsync(Guid applicationId, Guid attachmentId, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return null;
        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.Status != ApplicationStatus.Draft, ct);
        return app is null ? null : await ApplicationFiles.ReadAsync(db, app, attachmentId, ct);
    }

    private static CommandOutcome Invalid(DomainError error, string? field = null) => CommandOutcome.Invalid(field ?? FieldOf(error.Code), error.Code);

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

/// <summary>Reads an attachment's bytes once the caller has decided the application is theirs to see.</summary>
public static class ApplicationFiles
{
    public static async Task<(Attachment Attachment, byte[] Content)?> ReadAsync(ClusterpactDbContext db, Application app, Guid attachmentId, CancellationToken ct)
    {
        var attachment = app.Attachments.SingleOrDefault(a => a.Id == attachmentId);
        if (attachment is null) return null;
        var file = await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == attachmentId && f.ApplicationId == app.Id, ct);
        return file is null ? null : (attachment, file.Content);
    }
}
