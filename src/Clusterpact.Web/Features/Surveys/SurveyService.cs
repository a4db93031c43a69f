using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Surveys;

public sealed record SurveyRow(Guid Id, string Title, int Year, SurveyStatus Status, int Questions, int Invited, int Answered)
{
    public decimal? Rate => SurveyResults.ResponseRate(Invited, Answered);
}

/// <summary>Invited and answered per cluster: the response rate while the survey runs.</summary>
public sealed record ClusterRate(Guid ClusterId, string Name, int Invited, int Answered)
{
    public decimal? Rate => SurveyResults.ResponseRate(Invited, Answered);
}

/// <summary>
/// Member surveys: agency staff build, open, send and close them; readers see every result; a cluster manager sees
/// the response rate and, from five answers, the results of their own cluster only. Members answer through a
/// personal link without an account; the answer is stored without any link to the invitation.
/// </summary>
public sealed class SurveyService(ClusterpactDbContext db, Scope scope, Permissions permissions, EmailOutbox outbox, IStringLocalizerFactory localizers, TimeProvider clock, Infrastructure.Hosting.PublicUrls urls)
{
    /// <summary>A reminder goes at most once a week to the same person.</summary>
    public const int ReminderIntervalDays = 7;

    public DateOnly Today => clock.TodayInBrussels();
    public Task<bool> CanManageAsync() => permissions.HasAsync(Policies.AgencyStaff);

    /// <summary>Whether the caller sees the whole programme's answers (all clusters together), not only their own clusters'.</summary>
    public Task<bool> SeesAllAsync() => permissions.HasAsync(Policies.ProgrammeView);

    /// <summary>Surveys a manager can see are those that invited their cluster's members.</summary>
    private async Task<HashSet<Guid>?> OwnClustersAsync(CancellationToken ct) =>
        await SeesAllAsync() ? null : (await scope.Clusters().Select(c => c.Id).ToListAsync(ct)).ToHashSet();

    public async Task<IReadOnlyList<SurveyRow>> ListAsync(CancellationToken ct)
    {
        var own = await OwnClustersAsync(ct);
        var surveys = await db.Surveys.AsNoTracking().OrderByDescending(s => s.Year).ThenBy(s => s.Title).ToListAsync(ct);
        var invited = await db.SurveyInvitations.AsNoTracking().GroupBy(i => new { i.SurveyId, i.ClusterId }).Select(g => new { g.Key.SurveyId, g.Key.ClusterId, Count = g.Count() }).ToListAsync(ct);
        var answered = await db.SurveyResponses.AsNoTracking().GroupBy(r => new { r.SurveyId, r.ClusterId }).Select(g => new { g.Key.SurveyId, g.Key.ClusterId, Count = g.Count() }).ToListAsync(ct);
        return surveys
            .Where(s => own is null || invited.Any(i => i.SurveyId == s.Id && own.Contains(i.ClusterId)))
            .Select(s => new SurveyRow(s.Id, s.Title, s.Year, s.Status, s.Questions.Count,
                invited.Where(i => i.SurveyId == s.Id && (own is null || own.Contains(i.ClusterId))).Sum(i => i.Count),
                answered.Where(a => a.SurveyId == s.Id && (own is null || own.Contains(a.ClusterId))).Sum(a => a.Count)))
            .ToList();
    }

    public async Task<Survey?> GetAsync(Guid id, CancellationToken ct)
    {
        var own = await OwnClustersAsync(ct);
        if (own is not null && !await db.SurveyInvitations.AnyAsync(i => i.SurveyId == id && own.Contains(i.ClusterId), ct)) return null;
        return await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
    }

    public async Task<IReadOnlyList<ClusterRate>> RatesAsync(Guid surveyId, CancellationToken ct)
    {
        var own = await OwnClustersAsync(ct);
        var invited = await db.SurveyInvitations.AsNoTracking().Where(i => i.SurveyId == surveyId).GroupBy(i => i.ClusterId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var answered = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId).GroupBy(r => r.ClusterId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = await db.Clusters.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return invited.Where(i => own is null || own.Contains(i.Key))
            .Select(i => new ClusterRate(i.Key, names.GetValueOrDefault(i.Key, "?"), i.Count, answered.GetValueOrDefault(i.Key))).OrderBy(r => r.Name).ToList();
    }

    /// <summary>
    /// The responses the caller may see results of: all for agency staff and readers; for a cluster manager those of
    /// the chosen cluster when it is theirs (null otherwise). What of them may be shown is <see cref="SurveyDisclosure"/>'s call.
    /// </summary>
    public async Task<IReadOnlyList<SurveyResponse>?> VisibleResponsesAsync(Guid surveyId, Guid? clusterId, CancellationToken ct)
    {
        var own = await OwnClustersAsync(ct);
        var query = db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId);
        if (own is not null)
        {
            if (clusterId is null || !own.Contains(clusterId.Value)) return null;
            query = query.Where(r => r.ClusterId == clusterId);
        }
        return await query.ToListAsync(ct);
    }

    /// <summary>A survey's results for a selection as the caller may see them: the page and the API read them here.</summary>
    public sealed record ResultsView(Survey Survey, IReadOnlyList<ClusterRate> Rates, bool SeesAll, Guid? Cluster, DisclosedResults? Disclosed)
    {
        /// <summary>Nothing may be shown: too few answers, a selection that would give a small group away, or not the caller's cluster.</summary>
        public bool Hidden => Disclosed is not { Shown: true };
    }

    /// <summary>
    /// The results of a survey for a cluster (a manager: their own, the first when none is chosen) and a size class, under
    /// the five-answer rule of <see cref="SurveyDisclosure"/> (decision 0005); null when the survey is not the caller's.
    /// </summary>
    public async Task<ResultsView?> ResultsAsync(Guid id, Guid? cluster, SizeClass? size, bool sme, bool english, CancellationToken ct)
    {
        var s = await GetAsync(id, ct);
        if (s is null) return null;
        var rates = await RatesAsync(id, ct);
        var seesAll = await SeesAllAsync();
        if (!seesAll && cluster is null && rates.Count > 0) cluster = rates[0].ClusterId;
        var visible = await VisibleResponsesAsync(id, cluster, ct);
        var disclosed = visible is null ? null : SurveyDisclosure.Disclose(s, visible, SurveySelection.Of(cluster, size, sme), seesAll, english);
        return new ResultsView(s, rates, seesAll, cluster, disclosed);
    }

    public async Task<(CommandOutcome Outcome, Guid? Id)> CreateAsync(string? title, int year, bool standard, CancellationToken ct)
    {
        if (!await CanManageAsync()) return (CommandOutcome.Forbidden, null);
        // The title and year are checked first, for the standard questionnaire too: a refused year is a field error, not an exception.
        var created = Survey.Create(title ?? "", year);
        if (created.IsSuccess && standard) created = Result<Survey>.Ok(Survey.Standard(title!, year));
        if (!created.IsSuccess) return (CommandOutcome.Invalid(created.Error!.Code == "Survey.YearRange" ? "Year" : "Title", created.Error.Code), null);
        db.Surveys.Add(created.Value!);
        await db.SaveChangesAsync(ct);
        return (CommandOutcome.Ok(created.Value!.Version), created.Value.Id);
    }

    /// <summary>Changes the questionnaire or its status (agency staff), with the version the page showed.</summary>
    public async Task<CommandOutcome> ChangeAsync(Guid id, long version, string field, Func<Survey, Result> change, CancellationToken ct)
    {
        if (!await CanManageAsync()) return CommandOutcome.Forbidden;
        var survey = await db.Surveys.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return CommandOutcome.NotFound;
        if (survey.Version != version) return CommandOutcome.Conflict;
        var result = change(survey);
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, field);
        return await db.SaveVersionedAsync(survey, version, ct);
    }

    /// <summary>
    /// Invites the contacts of the active members of the chosen clusters who were not invited yet, each with a
    /// personal link by e-mail in their language (English for members abroad). Returns how many were invited.
    /// </summary>
    public async Task<(CommandOutcome Outcome, int Invited)> InviteAsync(Guid surveyId, IReadOnlyList<Guid> clusterIds, CancellationToken ct)
    {
        if (!await CanManageAsync()) return (CommandOutcome.Forbidden, 0);
        var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null) return (CommandOutcome.NotFound, 0);
        if (survey.Status != SurveyStatus.Open) return (CommandOutcome.Invalid("Clusters", "Survey.NotOpen"), 0);
        if (clusterIds.Count == 0) return (CommandOutcome.Invalid("Clusters", "Survey.ChooseClusters"), 0);
        var today = Today;
        var members = await db.Memberships.AsNoTracking()
            .Where(m => clusterIds.Contains(m.ClusterId) && m.ContactEmail != null && m.From <= today && (m.Until == null || m.Until >= today))
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m.ClusterId, m.OrganisationId, m.ContactEmail, o.CountryCode })
            .ToListAsync(ct);
        var already = (await db.SurveyInvitations.AsNoTracking().Where(i => i.SurveyId == surveyId && clusterIds.Contains(i.ClusterId)).Select(i => new { i.ClusterId, i.Email }).ToListAsync(ct))
            .Select(x => (x.ClusterId, x.Email)).ToHashSet();
        var names = await db.Clusters.AsNoTracking().Where(c => clusterIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var count = 0;
        foreach (var m in members.DistinctBy(m => (m.ClusterId, m.ContactEmail)))
        {
            if (already.Contains((m.ClusterId, m.ContactEmail!))) continue;
            var english = m.CountryCode != "BE";
            var (invitation, token) = SurveyInvitation.Create(surveyId, m.ClusterId, m.OrganisationId, m.ContactEmail!, english, today);
            db.SurveyInvitations.Add(invitation);
            await MailAsync(invitation, survey, names[m.ClusterId], urls.To($"/s/{token}"), reminder: false, ct);
            count++;
        }
        await db.SaveChangesAsync(ct);
        return (CommandOutcome.Ok(survey.Version), count);
    }

    /// <summary>Reminds everyone who has not answered and was not reminded in the last week, with a fresh link.</summary>
    public async Task<(CommandOutcome Outcome, int Reminded)> RemindAsync(Guid surveyId, CancellationToken ct)
    {
        if (!await CanManageAsync()) return (CommandOutcome.Forbidden, 0);
        var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null) return (CommandOutcome.NotFound, 0);
        if (survey.Status != SurveyStatus.Open) return (CommandOutcome.Invalid("Clusters", "Survey.NotOpen"), 0);
        var today = Today;
        var cutoff = today.AddDays(-ReminderIntervalDays);
        var pending = await db.SurveyInvitations.Where(i => i.SurveyId == surveyId && !i.Used && i.InvitedOn <= cutoff && (i.LastRemindedOn == null || i.LastRemindedOn <= cutoff)).ToListAsync(ct);
        var names = await db.Clusters.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        foreach (var invitation in pending)
        {
            var token = invitation.Remind(today).Value!;
            await MailAsync(invitation, survey, names[invitation.ClusterId], urls.To($"/s/{token}"), reminder: true, ct);
        }
        await db.SaveChangesAsync(ct);
        return (CommandOutcome.Ok(survey.Version), pending.Count);
    }

    private Task MailAsync(SurveyInvitation invitation, Survey survey, string cluster, string link, bool reminder, CancellationToken ct) =>
        PersonalMail.SendAsync(outbox, localizers, urls, [new MailRecipient(invitation.Email, invitation.English ? "en-BE" : "nl-BE", link)], (text, person) => (
                text[reminder ? "SurveyMail.ReminderSubject" : "SurveyMail.Subject", survey.Title, cluster].Value,
                text["SurveyMail.Body", cluster, survey.Title, person.Link!].Value),
            reminder ? "Survey.Reminder" : "Survey.Invitation", $"survey:{invitation.Id}:{(reminder ? "reminder" + invitation.Reminders : "invitation")}", ct);

    /// <summary>The invitation behind a link, if the link is current and the survey is open.</summary>
    public async Task<(SurveyInvitation? Invitation, Survey? Survey, string? Problem)> OpenLinkAsync(string? token, CancellationToken ct)
    {
        // A blank path segment binds as null: no link, rather than a hash of nothing.
        if (string.IsNullOrWhiteSpace(token)) return (null, null, "Survey.LinkUnknown");
        var hash = SurveyInvitation.Hash(token);
        var invitation = await db.SurveyInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null) return (null, null, "Survey.LinkUnknown");
        if (invitation.Used) return (invitation, null, "Survey.LinkUsed");
        var survey = await db.Surveys.AsNoTracking().SingleAsync(s => s.Id == invitation.SurveyId, ct);
        if (survey.Status != SurveyStatus.Open) return (invitation, survey, "Survey.NotOpen");
        return (invitation, survey, null);
    }

    /// <summary>
    /// Stores an answer: the link is marked used and the response added in one transaction, and only if the link was
    /// still unused at that moment (so a double submit stores one response). The response carries the cluster and
    /// the member's size class, never the invitation.
    /// </summary>
    public async Task<(bool Stored, IReadOnlyList<AnswerProblem> Problems, string? Problem)> AnswerAsync(string token, IReadOnlyList<AnswerInput> inputs, CancellationToken ct)
    {
        var (invitation, survey, problem) = await OpenLinkAsync(token, ct);
        if (problem is not null) return (false, [], problem);
        var (answers, problems) = SurveyAnswers.Check(survey!, inputs);
        if (problems.Count > 0) return (false, problems, null);
        SizeClass? size = invitation!.OrganisationId is { } oid ? await db.Organisations.Where(o => o.Id == oid).Select(o => o.SizeClass).SingleOrDefaultAsync(ct) : null;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.SurveyInvitations.Where(i => i.Id == invitation.Id && !i.Used && i.TokenHash == invitation.TokenHash)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Used, true), ct);
            if (claimed == 0) return (false, (IReadOnlyList<AnswerProblem>)[], (string?)"Survey.LinkUsed");
            db.SurveyResponses.Add(SurveyResponse.Of(survey!.Id, invitation.ClusterId, size, answers));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (true, (IReadOnlyList<AnswerProblem>)[], (string?)null);
        });
    }
}
