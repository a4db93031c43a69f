using Clusterpact.Web.Data.Configurations;
using Clusterpact.Web.Features.Calls;
using Clusterpact.Web.Features.Clusters;
using Clusterpact.Web.Infrastructure.Files;

namespace Clusterpact.Web.Features.Apply;

public sealed record MyApplicationRow(Guid Id, string Reference, string CallTitleNl, string CallTitleEn, ApplicationStatus Status, DateTimeOffset ClosesAt,
    DateTimeOffset? SubmittedAt, ApplicationOutcome? Outcome);

/// <summary>A member row as the form sends it; blank rows are dropped, a half-filled row is an error on its line.</summary>
public sealed record MemberLine(string? Name, string? EnterpriseNumber, SizeClass Size);

/// <summary>A year row as the form sends it, amounts already parsed.</summary>
public sealed record YearLine(int? Year, decimal? BudgetEur, decimal? CofinancingEur);

public sealed record ProposalInput(string? StrategicDomain, string? Vision, string? ActionPlan, string? ConsortiumDescription,
    IReadOnlyList<MemberLine> Members, IReadOnlyList<YearLine> Years);

/// <summary>What the applicant may see of the decision: outcome, conditions, reasons and, once decided, the jury's scores per criterion.</summary>
public sealed record ApplicantView(Call Call, Application Application, Consensus? Consensus, RankedApplication? Ranked);

/// <summary>
/// The applicant's side: start a draft on an open call, write the proposal, attach the documents, submit before the
/// deadline, withdraw. An applicant sees only the applications they started, and no score before the decision.
/// </summary>
public sealed class ApplyService(ClusterpactDbContext db, CurrentUser user, Scope scope, RecordActors actors, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    private Guid Me => user.Id ?? Guid.Empty;

    private IQueryable<Application> Mine() => scope.Applications();

    public async Task<IReadOnlyList<MyApplicationRow>> ListAsync(CancellationToken ct)
    {
        var apps = await Mine().AsNoTracking().ToListAsync(ct);
        var callIds = apps.Select(a => a.CallId).Distinct().ToList();
        var callList = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return apps.Select(a => new MyApplicationRow(a.Id, a.Reference, callList[a.CallId].TitleNl, callList[a.CallId].TitleEn, a.Status, callList[a.CallId].ClosesAt, a.SubmittedAt, a.Outcome))
            .OrderByDescending(r => r.ClosesAt).ToList();
    }

    /// <summary>The name and enterprise number the form starts from: the applicant's affiliation.</summary>
    public async Task<(string? Name, string? Number)> DefaultApplicantAsync(CancellationToken ct)
    {
        var me = await db.Users.AsNoTracking().Where(u => u.Id == Me).Select(u => new { u.Affiliation, u.AffiliationEnterpriseNumber }).SingleOrDefaultAsync(ct);
        return (me?.Affiliation, me?.AffiliationEnterpriseNumber);
    }

    /// <summary>Starts a draft; the number within the call is the next free one (a race on it retries once).</summary>
    public async Task<(CommandOutcome Outcome, Guid? Id)> StartAsync(Guid callId, string? applicantName, string? enterpriseNumber, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId && c.Status != CallStatus.Draft, ct);
        if (call is null) return (CommandOutcome.NotFound, null);
        for (var attempt = 0; ; attempt++)
        {
            var number = (await db.Applications.Where(a => a.CallId == callId).MaxAsync(a => (int?)a.Number, ct) ?? 0) + 1;
            var started = Application.Start(call, number, applicantName, enterpriseNumber, Now, Me);
            if (!started.IsSuccess)
                return (CommandOutcome.Invalid(started.Error!.Code.StartsWith("Enterprise", StringComparison.Ordinal) ? "EnterpriseNumber" : "ApplicantName", started.Error.Code), null);
            db.Applications.Add(started.Value!);
            try
            {
                await db.SaveChangesAsync(ct);
                return (CommandOutcome.Ok(0), started.Value!.Id);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<ApplicantView?> GetAsync(Guid id, CancellationToken ct)
    {
        var app = await Mine().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (app is null) return null;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == app.CallId, ct);
        if (app.Status != ApplicationStatus.Decided) return new ApplicantView(call, app, null, null);
        // After the decision the applicant reads the jury's agreed scores and their justification, and where it stood.
        var consensus = await db.Consensus.AsNoTracking().SingleOrDefaultAsync(c => c.ApplicationId == app.Id, ct);
        var ranking = await CallRanking.RankAsync(db, call, ct);
        return new ApplicantView(call, app, consensus, ranking?.Applications.SingleOrDefault(r => r.ApplicationId == app.Id));
    }

    public Task<CommandOutcome> SaveProposalAsync(Guid id, long version, ProposalInput input, CancellationToken ct) =>
        ChangeAsync(id, version, (app, _) =>
        {
            var members = new List<ConsortiumMember>();
            foreach (var line in input.Members.Where(l => !string.IsNullOrWhiteSpace(l.Name) || !string.IsNullOrWhiteSpace(l.EnterpriseNumber)))
            {
                var member = ConsortiumMember.Create(line.Name, line.EnterpriseNumber, line.Size);
                if (!member.IsSuccess) return (member.Error!, "Members");
                members.Add(member.Value!);
            }
            var years = new List<YearPlan>();
            foreach (var line in input.Years.Where(l => l.Year is not null || l.BudgetEur is not null || l.CofinancingEur is not null))
            {
                if (line.Year is not { } y || y is < 2000 or > 2100 || line.BudgetEur is null) return (new DomainError("Application.YearLineIncomplete"), "Years");
                years.Add(new YearPlan(y, line.BudgetEur.Value, line.CofinancingEur ?? 0));
            }
            var steps = new Func<Result>[]
            {
                () => app.UpdateProposal(input.StrategicDomain, input.Vision, input.ActionPlan, input.ConsortiumDescription),
                () => app.SetCommittedMembers(members),
                () => app.SetYearPlans(years),
            };
            string[] fields = ["Proposal", "Members", "Years"];
            for (var i = 0; i < steps.Length; i++)
                if (steps[i]() is { IsSuccess: false } failed) return (failed.Error!, fields[i]);
            return (null, "");
        }, ct);

    /// <summary>Attaches an uploaded file, checked on name, declared type and size before a byte is stored.</summary>
    public async Task<CommandOutcome> AttachAsync(Guid id, long version, string? fileName, string? contentType, long size, string? documentCode, Stream content, CancellationToken ct)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await content.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        Guid attachmentId = default;
        return await ChangeAsync(id, version, (app, call) =>
        {
            var added = app.AddAttachment(call, fileName, contentType, size, documentCode);
            if (!added.IsSuccess) return (added.Error!, "File");
            // Name and declared type are the uploader's word; the first bytes say what the file is.
            if (!FileSignature.Matches(fileName, bytes)) return (new DomainError(FileSignature.MismatchKey), "File");
            attachmentId = added.Value!.Id;
            return (null, "");
        }, ct, app =>
        {
            db.StoredFiles.Add(new StoredFile { Id = attachmentId, ApplicationId = app.Id, Content = bytes });
            return Task.CompletedTask;
        });
    }

    public Task<CommandOutcome> RemoveAttachmentAsync(Guid id, long version, Guid attachmentId, CancellationToken ct) =>
        ChangeAsync(id, version, (app, _) =>
        {
            var removed = app.RemoveAttachment(attachmentId);
            return removed.IsSuccess ? (null, "") : (removed.Error!, "File");
        }, ct, async app =>
        {
            var file = await db.StoredFiles.SingleOrDefaultAsync(f => f.Id == attachmentId && f.ApplicationId == app.Id, ct);
            if (file is not null) db.StoredFiles.Remove(file);
        });

    /// <summary>
    /// Deletes the caller's own draft with its files; a submitted application is never deleted (it can be withdrawn).
    /// The audit trail records the deleted application with all its values.
    /// </summary>
    public async Task<CommandOutcome> DeleteDraftAsync(Guid id, long version, CancellationToken ct)
    {
        var app = await Mine().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (app is null) return CommandOutcome.NotFound;
        if (app.Version != version) return CommandOutcome.Conflict;
        if (app.MayDelete() is { IsSuccess: false } refused) return CommandOutcome.Invalid("Submit", refused.Error!.Code);
        db.StoredFiles.RemoveRange(await db.StoredFiles.Where(f => f.ApplicationId == app.Id).ToListAsync(ct));
        db.Applications.Remove(app);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Ok(version);
    }

    /// <summary>What the applicant is for their application in its lifecycle table.</summary>
    public IReadOnlySet<Actor> ActorsOn(Application app) => actors.OnApplication(app.OwnerId ?? Guid.Empty);

    /// <summary>A step of the application's lifecycle (submit, withdraw with an optional note), checked by the application against its table.</summary>
    public Task<CommandOutcome> StepAsync(Guid id, long version, string step, string? reason, CancellationToken ct) =>
        ChangeAsync(id, version, (app, call) => Field(app.Take(call, step, ActorsOn(app), reason, Me, Now), "Submit"), ct);

    public async Task<(Attachment Attachment, byte[] Content)?> FileAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var app = await Mine().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        return app is null ? null : await ApplicationFiles.ReadAsync(db, app, attachmentId, ct);
    }

    private static (DomainError? Error, string Field) Field(Result result, string field) => result.IsSuccess ? (null, "") : (result.Error!, field);

    private async Task<CommandOutcome> ChangeAsync(Guid id, long version, Func<Application, Call, (DomainError? Error, string Field)> change, CancellationToken ct,
        Func<Application, Task>? alongside = null)
    {
        var app = await Mine().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (app is null) return CommandOutcome.NotFound;
        if (app.Version != version) return CommandOutcome.Conflict;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == app.CallId, ct);
        var (error, field) = change(app, call);
        if (error is not null) return CommandOutcome.Invalid(field, error.Code);
        if (alongside is not null) await alongside(app);
        return await db.SaveVersionedAsync(app, version, ct);
    }
}
