using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Clusterpact.Web.Data;

/// <summary>
/// The one DbContext. Each database provider has a subclass only so that it keeps its own migrations folder
/// (<see cref="SqliteClusterpactDbContext"/>, <see cref="PostgresClusterpactDbContext"/>).
/// </summary>
public abstract class ClusterpactDbContext(DbContextOptions options) : IdentityDbContext<AppUser, AppRole, Guid>(options),
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Domain.Agreements.SupportAgreement> SupportAgreements => Set<Domain.Agreements.SupportAgreement>();
    public DbSet<Domain.Agreements.AgreementYear> AgreementYears => Set<Domain.Agreements.AgreementYear>();
    public DbSet<Domain.Funding.AidPayment> AidPayments => Set<Domain.Funding.AidPayment>();
    public DbSet<Domain.Projects.Project> Projects => Set<Domain.Projects.Project>();
    public DbSet<Domain.Projects.FundEnvelope> FundEnvelopes => Set<Domain.Projects.FundEnvelope>();
    public DbSet<Domain.Evaluations.Evaluation> Evaluations => Set<Domain.Evaluations.Evaluation>();
    public DbSet<Domain.Surveys.Survey> Surveys => Set<Domain.Surveys.Survey>();
    public DbSet<Domain.Surveys.SurveyInvitation> SurveyInvitations => Set<Domain.Surveys.SurveyInvitation>();
    public DbSet<Domain.Surveys.SurveyResponse> SurveyResponses => Set<Domain.Surveys.SurveyResponse>();
    public DbSet<Domain.Kpis.KpiTarget> KpiTargets => Set<Domain.Kpis.KpiTarget>();
    public DbSet<Domain.Pacts.ClusterPact> ClusterPacts => Set<Domain.Pacts.ClusterPact>();
    public DbSet<Domain.Reports.AnnualReport> AnnualReports => Set<Domain.Reports.AnnualReport>();
    public DbSet<Domain.Calls.Call> Calls => Set<Domain.Calls.Call>();
    public DbSet<Domain.Calls.Application> Applications => Set<Domain.Calls.Application>();
    public DbSet<Domain.Calls.ExpertAssignment> ExpertAssignments => Set<Domain.Calls.ExpertAssignment>();
    public DbSet<Domain.Calls.Consensus> Consensus => Set<Domain.Calls.Consensus>();
    public DbSet<Domain.Budget.SavedBudgetScenario> BudgetScenarios => Set<Domain.Budget.SavedBudgetScenario>();
    public DbSet<Configurations.StoredFile> StoredFiles => Set<Configurations.StoredFile>();
    public DbSet<Configurations.FundingRuleRow> FundingRules => Set<Configurations.FundingRuleRow>();
    public DbSet<UserClusterScope> UserClusterScopes => Set<UserClusterScope>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Infrastructure.Import.ImportSession> ImportSessions => Set<Infrastructure.Import.ImportSession>();
    public DbSet<Infrastructure.Jobs.BackgroundJob> BackgroundJobs => Set<Infrastructure.Jobs.BackgroundJob>();
    public DbSet<Infrastructure.Email.OutboxEmail> OutboxEmails => Set<Infrastructure.Email.OutboxEmail>();
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
    public DbSet<SignInLockout> SignInLockouts => Set<SignInLockout>();
    public DbSet<Infrastructure.Setup.SetupLink> SetupLinks => Set<Infrastructure.Setup.SetupLink>();
    public DbSet<EmailOptOut> EmailOptOuts => Set<EmailOptOut>();
    public DbSet<RegisterEnterprise> RegisterEnterprises => Set<RegisterEnterprise>();
    public DbSet<RegisterCode> RegisterCodes => Set<RegisterCode>();
    public DbSet<RegisterLoad> RegisterLoads => Set<RegisterLoad>();
    public DbSet<Infrastructure.Clients.MachineClient> MachineClients => Set<Infrastructure.Clients.MachineClient>();
    public DbSet<Infrastructure.Clients.ClientToken> ClientTokens => Set<Infrastructure.Clients.ClientToken>();
    public DbSet<Infrastructure.Clients.WebhookSubscription> WebhookSubscriptions => Set<Infrastructure.Clients.WebhookSubscription>();
    public DbSet<Infrastructure.Clients.WebhookDelivery> WebhookDeliveries => Set<Infrastructure.Clients.WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ClusterpactDbContext).Assembly);
    }
}

public sealed class SqliteClusterpactDbContext(DbContextOptions<SqliteClusterpactDbContext> options) : ClusterpactDbContext(options)
{
    /// <summary>
    /// SQLite has no decimal and no timestamp-with-offset type, and EF cannot sort or sum them there. Money is stored
    /// as REAL (15 significant digits: cents up to trillions of euros) and instants as UTC ticks, so that
    /// aggregates and ordering run in SQL on both providers (docs/decisions/0002-sqlite-types.md).
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresClusterpactDbContext(DbContextOptions<PostgresClusterpactDbContext> options) : ClusterpactDbContext(options)
{
    /// <summary>
    /// Lists sort text COLLATE "C" here (<see cref="Features.Shared.TextOrder"/>); an index in the database's collation
    /// cannot serve that order, so each text sort's index (declared in its configuration) is declared in the same
    /// collation here (the id needs none). Where SQLite's order is served by an index that must keep the database's
    /// collation (a unique name or code, also found by equality, which a "C" index does not serve), PostgreSQL gets a twin.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Organisation>().HasIndex(o => new { o.Name, o.Id }).UseCollation("C");
        builder.Entity<Organisation>().HasIndex(o => new { o.CountryCode, o.Id }).UseCollation("C");
        // The register's kind and country orders keep the database's collation for the code, the name's is "C".
        builder.Entity<Organisation>().HasIndex(o => new { o.Kind, o.Name, o.Id }).UseCollation(null!, "C", null!);
        builder.Entity<Organisation>().HasIndex(o => new { o.CountryCode, o.Name, o.Id }).UseCollation(null!, "C", null!);
        builder.Entity<Cluster>().HasIndex(c => new { c.Name, c.Id }).UseCollation("C");
        builder.Entity<Cluster>().HasIndex(c => new { c.StrategicDomain, c.Id }).UseCollation("C");
        builder.Entity<Domain.Projects.Project>().HasIndex(p => new { p.Title, p.Id }).UseCollation("C");
        // The projects page sorts by title in the database's collation (ListProjects): its own index here (SQLite's is the one above).
        builder.Entity<Domain.Projects.Project>().HasIndex(p => p.Title);
        builder.Entity<Domain.Evaluations.Evaluation>().HasIndex(e => new { e.Title, e.Id }).UseCollation("C");
        builder.Entity<Domain.Calls.Call>().HasIndex(c => new { c.TitleNl, c.Id }).UseCollation("C");
        builder.Entity<Domain.Budget.SavedBudgetScenario>().HasIndex(s => new { s.Name, s.Id }).UseCollation("C");
        builder.Entity<Domain.Kpis.KpiTarget>().HasIndex(t => new { t.ClusterId, t.KpiCode, t.Id }).UseCollation(null!, "C");
        builder.Entity<AppUser>().HasIndex(u => new { u.DisplayName, u.Id }).UseCollation("C");
        builder.Entity<AuditEntry>().HasIndex(a => new { a.UserName, a.Id }).UseCollation("C");
    }
}
