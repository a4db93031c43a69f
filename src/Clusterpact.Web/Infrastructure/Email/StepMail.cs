using Clusterpact.Web.Infrastructure.Audit;
using Clusterpact.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clusterpact.Web.Infrastructure.Email;

/// <summary>
/// Tells people of a lifecycle step when the step is saved: it sees the state of a report, application, assignment,
/// evaluation, project or payment move along its table, asks <see cref="StepNotices"/> who the step concerns, and queues
/// each of them a mail in their language with a link that opens the record for them. Queued in the same save, so a
/// mail goes out only if the step was stored; raised from the save, so no page, endpoint or job can forget it. An expert
/// put on a panel is told the same way.
/// </summary>
public sealed class StepMail(IStringLocalizerFactory localizers, PublicUrls urls, CurrentUser user, TimeProvider clock, Clients.WebhookOutbox webhooks)
{
    /// <summary>The lifecycle tables whose steps are watched; a test holds this to the tables the domain declares.</summary>
    public static readonly IReadOnlyList<string> Watched =
        [ReportLifecycle.Rules.Name, ApplicationLifecycle.Rules.Name, AssignmentLifecycle.Rules.Name, EvaluationLifecycle.Rules.Name, Project.Lifecycle.Name, AidPayment.Lifecycle.Name];

    private static readonly Recipients[] Groups = [Recipients.Applicant, Recipients.ClusterManagers, Recipients.ProgrammeOfficers, Recipients.Panel];

    /// <summary>A step found in the save: which table and step, the record, and its version before the save (one mail per step taken).</summary>
    private sealed record Moved(string Lifecycle, string Step, object Entity, Guid Id, long Version);

    /// <summary>What a mail says about the record: its name, the detail of the step (a remark, reasons, an outcome), and the people of each group with their links.</summary>
    private sealed record About(Func<IStringLocalizer, string> Name, Func<IStringLocalizer, string> Detail, Func<Recipients, Task<List<MailRecipient>>> People);

    public async Task QueueAsync(ClusterpactDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var moved = new List<Moved>();
        var assigned = new List<ExpertAssignment>();
        var agreements = new List<Guid>();
        foreach (var e in db.ChangeTracker.Entries().ToList())
        {
            if (Clients.WebhookOutbox.ChangedAgreement(e) is { } agreement) agreements.Add(agreement);
            switch (e.Entity)
            {
                case AnnualReport r: Find(moved, e, ReportLifecycle.Rules, nameof(AnnualReport.Status), r.Id); break;
                case Application a: Find(moved, e, ApplicationLifecycle.Rules, nameof(Application.Status), a.Id); break;
                case ExpertAssignment x when e.State == EntityState.Added: assigned.Add(x); break;
                case ExpertAssignment x: Find(moved, e, AssignmentLifecycle.Rules, nameof(ExpertAssignment.Declaration), x.Id); break;
                case Evaluation v: Find(moved, e, EvaluationLifecycle.Rules, nameof(Evaluation.Stage), v.Id); break;
                case Project p: Find(moved, e, Project.Lifecycle, nameof(Project.Status), p.Id); break;
                case AidPayment p: Find(moved, e, AidPayment.Lifecycle, nameof(AidPayment.Status), p.Id); break;
            }
        }
        // The same steps raise the webhook events other systems wait for, queued in this save too.
        await webhooks.RaiseAsync(db, moved.Select(m => new Clients.SavedStep(m.Lifecycle, m.Step, m.Entity, m.Id, m.Version)).ToList(), agreements, ct);
        if (moved.Count == 0 && assigned.Count == 0) return;
        var outbox = new EmailOutbox(db, clock);
        foreach (var m in moved) await TellAsync(db, outbox, m, ct);
        foreach (var a in assigned) await TellAssignedAsync(db, outbox, a, ct);
    }

    private static void Find<TState>(List<Moved> moved, EntityEntry e, Lifecycle<TState> table, string property, Guid id) where TState : struct, Enum
    {
        if (e.State != EntityState.Modified) return;
        var state = e.Property(property);
        var (from, to) = ((TState)state.OriginalValue!, (TState)state.CurrentValue!);
        if (EqualityComparer<TState>.Default.Equals(from, to)) return;
        // A change that is no step of the table (a correction by hand) tells nobody.
        if (table.Steps.FirstOrDefault(s => EqualityComparer<TState>.Default.Equals(s.From, from) && EqualityComparer<TState>.Default.Equals(s.To, to)) is not { } step) return;
        var version = e.Metadata.FindProperty(nameof(IAuditable.Version)) is null ? 0L : (long)e.Property(nameof(IAuditable.Version)).OriginalValue!;
        moved.Add(new Moved(table.Name, step.Name, e.Entity, id, version));
    }

    private async Task TellAsync(ClusterpactDbContext db, EmailOutbox outbox, Moved m, CancellationToken ct)
    {
        var recipients = StepNotices.For(m.Lifecycle, m.Step);
        if (recipients == Recipients.Nobody) return;
        var about = await AboutAsync(db, m, ct);
        var category = EmailKinds.OfStep(m.Lifecycle, m.Step);
        foreach (var group in Groups.Where(g => recipients.HasFlag(g)))
        {
            var people = await about.People(group);
            // The person who took the step knows; an applicant still gets the receipt of their own submission.
            if (group != Recipients.Applicant) people = people.Where(p => p.UserId is null || p.UserId != user.Id).ToList();
            await PersonalMail.SendAsync(outbox, localizers, urls, people, (text, person) => (
                    text[$"Mail.{category}.{group}.Subject", about.Name(text)].Value,
                    text[$"Mail.{category}.{group}.Body", about.Name(text), person.Link!, about.Detail(text)].Value.TrimEnd()),
                category, $"{category}:{m.Id}:{m.Version}:{group}", ct);
        }
    }

    private async Task TellAssignedAsync(ClusterpactDbContext db, EmailOutbox outbox, ExpertAssignment assignment, CancellationToken ct)
    {
        var name = await ApplicationNameAsync(db, assignment.ApplicationId, ct);
        var expert = await WithLink(PersonalMail.AccountAsync(db, assignment.ExpertId, ct), $"/Review/{assignment.Id}");
        await PersonalMail.SendAsync(outbox, localizers, urls, expert, (text, person) => (
                text[$"Mail.{EmailKinds.ExpertAssigned}.Subject", name(text)].Value,
                text[$"Mail.{EmailKinds.ExpertAssigned}.Body", name(text), person.Link!].Value),
            EmailKinds.ExpertAssigned, $"{EmailKinds.ExpertAssigned}:{assignment.Id}", ct);
    }

    private async Task<About> AboutAsync(ClusterpactDbContext db, Moved m, CancellationToken ct)
    {
        switch (m.Entity)
        {
            case AnnualReport r:
            {
                var cluster = await ClusterNameAsync(db, r.ClusterId, ct);
                var link = $"/Reports/{r.Id}";
                return new About(_ => $"{cluster} {r.Year}", _ => m.Step == ReportLifecycle.Return ? r.LatestRemark ?? "" : "", group => group switch
                {
                    Recipients.ClusterManagers => WithLink(PersonalMail.ManagersOfAsync(db, r.ClusterId, ct), link),
                    Recipients.ProgrammeOfficers => WithLink(PersonalMail.ProgrammeOfficersAsync(db, ct), link),
                    _ => throw Undeclared(m, group),
                });
            }
            case Application a:
            {
                var name = await ApplicationNameAsync(db, a.Id, ct);
                return new About(name, text => m.Step switch
                {
                    ApplicationLifecycle.MarkIneligible => string.Join("\n", a.IneligibilityReasons.Select(reason => "- " + reason)),
                    ApplicationLifecycle.Decide when a.Outcome is { } outcome => text[$"ApplicationOutcome.{outcome}"].Value + (string.IsNullOrWhiteSpace(a.Conditions) ? "" : "\n" + a.Conditions),
                    _ => "",
                }, group => group switch
                {
                    Recipients.Applicant => WithLink(PersonalMail.AccountAsync(db, a.OwnerId, ct), $"/Apply/{a.Id}"),
                    Recipients.ProgrammeOfficers => WithLink(PersonalMail.ProgrammeOfficersAsync(db, ct), $"/Calls/Application/{a.Id}"),
                    Recipients.Panel => PanelAsync(db, a.Id, ct),
                    _ => throw Undeclared(m, group),
                });
            }
            case ExpertAssignment x:
            {
                var name = await ApplicationNameAsync(db, x.ApplicationId, ct);
                return new About(name, _ => x.DeclarationExplanation ?? "", group => group switch
                {
                    Recipients.ProgrammeOfficers => WithLink(PersonalMail.ProgrammeOfficersAsync(db, ct), $"/Calls/Application/{x.ApplicationId}"),
                    _ => throw Undeclared(m, group),
                });
            }
            case Evaluation v:
            {
                return new About(_ => v.Title, text => m.Step == EvaluationLifecycle.Decide && v.Outcome is { } outcome
                    ? text[$"EvaluationOutcome.{outcome}"].Value + (string.IsNullOrWhiteSpace(v.Conditions) ? "" : "\n" + v.Conditions) : "", group => group switch
                {
                    // A systemic evaluation is about the programme, not one cluster: it has no cluster to tell.
                    Recipients.ClusterManagers => v.ClusterId is { } cluster ? WithLink(PersonalMail.ManagersOfAsync(db, cluster, ct), $"/Evaluations/{v.Id}") : Task.FromResult(new List<MailRecipient>()),
                    _ => throw Undeclared(m, group),
                });
            }
            case Project p:
            {
                return new About(_ => p.Title, _ => p.DecisionNote ?? "", group => group switch
                {
                    Recipients.ClusterManagers => WithLink(PersonalMail.ManagersOfAsync(db, p.ClusterIds, ct), $"/Projects/{p.Id}"),
                    _ => throw Undeclared(m, group),
                });
            }
            case AidPayment p:
            {
                var agreement = await db.SupportAgreements.AsNoTracking().Where(s => s.Id == p.AgreementId).Select(s => new { s.Id, s.ClusterId }).SingleAsync(ct);
                var cluster = await ClusterNameAsync(db, agreement.ClusterId, ct);
                return new About(text => text["Mail.Payment.Name", Format.Money(p.AmountEur), cluster, p.YearIndex].Value, _ => "", group => group switch
                {
                    Recipients.ClusterManagers => WithLink(PersonalMail.ManagersOfAsync(db, agreement.ClusterId, ct), $"/Clusters/{agreement.ClusterId}/Agreements/{agreement.Id}/Budget"),
                    _ => throw Undeclared(m, group),
                });
            }
            default:
                throw new InvalidOperationException($"No mail is written for lifecycle {m.Lifecycle}.");
        }
    }

    /// <summary>The call's title in the reader's language and the application's number: never the applicant's name, which an anonymised call hides from experts.</summary>
    private static async Task<Func<IStringLocalizer, string>> ApplicationNameAsync(ClusterpactDbContext db, Guid applicationId, CancellationToken ct)
    {
        var found = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
            .Join(db.Calls.AsNoTracking(), a => a.CallId, c => c.Id, (a, c) => new { a.Number, c.TitleNl, c.TitleEn }).SingleAsync(ct);
        var reference = "A-" + found.Number.ToString("000", CultureInfo.InvariantCulture);
        return _ => $"{(Cultures.IsEnglish ? found.TitleEn : found.TitleNl)} ({reference})";
    }

    private static Task<string> ClusterNameAsync(ClusterpactDbContext db, Guid clusterId, CancellationToken ct) =>
        db.Clusters.AsNoTracking().Where(c => c.Id == clusterId).Select(c => c.Name).SingleAsync(ct);

    /// <summary>The experts on the panel who did not declare a conflict, each with the link to their own assignment.</summary>
    private async Task<List<MailRecipient>> PanelAsync(ClusterpactDbContext db, Guid applicationId, CancellationToken ct) =>
        (await db.ExpertAssignments.AsNoTracking().Where(a => a.ApplicationId == applicationId && a.Declaration != ConflictDeclaration.Conflict)
            .Join(db.Users.AsNoTracking().Where(u => u.IsActive && u.Email != null), a => a.ExpertId, u => u.Id, (a, u) => new { a.Id, u.Email, u.PreferredCulture, UserId = u.Id })
            .ToListAsync(ct))
            .Select(x => new MailRecipient(x.Email!, x.PreferredCulture, urls.To($"/Review/{x.Id}"), x.UserId)).ToList();

    private async Task<List<MailRecipient>> WithLink(Task<List<MailRecipient>> people, string path) =>
        (await people).Select(p => p with { Link = urls.To(path) }).ToList();

    private static InvalidOperationException Undeclared(Moved m, Recipients group) =>
        new($"{m.Lifecycle}.{m.Step} names {group}, but no one in that group is known for it.");
}

/// <summary>Runs <see cref="StepMail"/> in every save of the business database, except while demo data is loaded.</summary>
public sealed class StepMailInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ClusterpactDbContext db && !AuditInterceptor.Suppressed.Value)
            await services.GetRequiredService<StepMail>().QueueAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is ClusterpactDbContext db && !AuditInterceptor.Suppressed.Value)
            services.GetRequiredService<StepMail>().QueueAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }
}
