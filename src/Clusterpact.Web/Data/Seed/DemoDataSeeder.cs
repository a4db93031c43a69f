using Clusterpact.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Data.Seed;

/// <summary>
/// Loads the real clusters of the reference data and a deterministic synthetic set around them (member
/// organisations, memberships, one user per role), so every page has something true-looking to show.
/// The same seed gives the same data on every machine. Enterprise numbers are synthetic, with valid check digits.
/// Each area is built by its own class (<see cref="DemoClusters"/>, <see cref="DemoMembers"/>, ...); this one only
/// orders them, hands each its random stream and saves.
/// </summary>
public sealed class DemoDataSeeder(ClusterpactDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<DemoDataSeeder> log)
{
    private const int RandomSeed = 20170101;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Clusters.AnyAsync(ct)) return;
        AuditInterceptor.Suppressed.Value = true;
        try
        {
            var today = clock.TodayInBrussels();
            // One stream for the clusters and then the members, in that order; every other area has its own.
            var rng = new Random(RandomSeed);
            var clusters = DemoClusters.Build(today, rng);
            db.Clusters.AddRange(clusters);
            var evaluations = DemoEvaluations.Build(clusters).ToList();
            var agreements = DemoAgreements.Build(clusters, evaluations).ToList();
            db.SupportAgreements.AddRange(agreements);
            var agreementYears = DemoBudgets.Years(agreements, today, new Random(RandomSeed + 3));
            db.AgreementYears.AddRange(agreementYears);

            var (organisations, memberships) = DemoMembers.Build(clusters, rng, new Random(RandomSeed + 4), new Random(RandomSeed + 5), today);
            db.Organisations.AddRange(organisations);
            db.Memberships.AddRange(memberships);
            var (envelopes, projects) = DemoProjects.Build(clusters, organisations, memberships, new Random(RandomSeed + 1), today);
            db.Projects.AddRange(projects);
            db.FundEnvelopes.AddRange(envelopes);
            db.BudgetScenarios.AddRange(DemoBudgetScenarios.Build(clusters, agreements, agreementYears, envelopes, today, clock.GetUtcNow()));
            db.Evaluations.AddRange(evaluations);
            var (pacts, targets, reports) = DemoReports.Build(clusters, today, new Random(RandomSeed + 3));
            db.ClusterPacts.AddRange(pacts);
            db.KpiTargets.AddRange(targets);
            db.AnnualReports.AddRange(reports);
            var (survey, invitations, responses) = DemoSurveys.Build(clusters, organisations, memberships, new Random(RandomSeed + 2));
            db.Surveys.Add(survey);
            db.SurveyInvitations.AddRange(invitations);
            db.SurveyResponses.AddRange(responses);
            await db.SaveChangesAsync(ct);

            await DemoUsers.CreateAsync(db, users, clusters);
            await db.SaveChangesAsync(ct);

            var ids = await db.Users.ToDictionaryAsync(u => u.Email!, ct);
            db.AidPayments.AddRange(DemoBudgets.Payments(agreementYears, today, ids["officer@clusterpact.demo"].Id, ids["admin@clusterpact.demo"].Id));
            var (calls, applications, assignments, consensus) = DemoCalls.Build(clock.GetUtcNow(), ids["applicant@clusterpact.demo"].Id, ids["officer@clusterpact.demo"].Id,
                ids["expert@clusterpact.demo"].Id, ids["expert2@clusterpact.demo"].Id, ids["expert2@clusterpact.demo"].AffiliationEnterpriseNumber);
            db.Calls.AddRange(calls);
            db.Applications.AddRange(applications);
            db.ExpertAssignments.AddRange(assignments);
            db.Consensus.AddRange(consensus);
            db.StoredFiles.AddRange(applications.SelectMany(a => a.Attachments.Select(f => new Configurations.StoredFile { Id = f.Id, ApplicationId = a.Id, Content = DemoCalls.DemoPdf })));
            await db.SaveChangesAsync(ct);
            log.LogInformation("Demo data loaded: {Clusters} clusters, {Organisations} organisations, {Memberships} memberships, {Projects} projects, {Users} users",
                clusters.Count, organisations.Count, memberships.Count, projects.Count, DemoLogins.All.Count);
        }
        finally
        {
            AuditInterceptor.Suppressed.Value = false;
        }
    }
}
