using Clusterpact.Web.Features.Account;
using Clusterpact.Web.Features.Admin.Audit;
using Clusterpact.Web.Features.Admin.Users;
using Clusterpact.Web.Features.Clusters;
using Clusterpact.Web.Features.Organisations;
using Clusterpact.Web.Features.Projects;
using Clusterpact.Web.Infrastructure.Clients;
using Clusterpact.Web.Infrastructure.Requests;

namespace Clusterpact.Web.Features;

/// <summary>Each feature's handlers and endpoints, registered in one place.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatures(this IServiceCollection services, IConfiguration config)
    {
        services.AddUseCases();
        services.AddScoped<Features.Agreements.DepositReminders>();
        Features.Agreements.ReminderJob.AddReminderSchedule(services, config);
        services.AddScoped<Features.Agreements.AgreementRules>();
        services.AddScoped<Features.Agreements.AgreementBudgetAccess>();
        services.AddClusterpactImports();
        services.AddImportKind<Features.Organisations.Import.MemberImportKind>();
        services.AddImportKind<Features.Projects.Import.ProjectImportKind>();
        services.AddScoped<Features.Projects.ProjectAccess>();
        services.AddScoped<Features.Surveys.SurveyAccess>();
        services.AddScoped<Features.Kpis.KpiValues>();
        services.AddScoped<Features.Kpis.KpiFigures>();
        services.AddScoped<Features.Pacts.PactChange>();
        services.AddScoped<Features.Reports.ReportReminders>();
        services.AddOptions<Features.OpenData.OpenDataOptions>().Bind(config.GetSection(Features.OpenData.OpenDataOptions.Section));
        services.AddScoped<Features.OpenData.PublishedAwards>();
        services.AddScoped<AccountMail>();
        services.AddScoped<AccountRecovery>();
        UnconfirmedAccounts.AddSchedule(services, config);
        services.AddScoped<AuditReading>();
        return services;
    }

    public static void MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapCultureSwitch();
        var api = app.MapGroup("/api/v1").WithBodyValidation().WithPreconditions();
        api.MapTokenEndpoint();
        api.MapMeApi();
        api.MapClustersApi();
        api.MapOrganisationsApi();
        api.MapUsersApi();
        api.MapAuditApi();
        api.MapJobsApi();
        Features.Shared.Import.ImportsApi.MapImportsApi(api);
        api.MapProjectsApi();
        Features.OpenData.OpenDataApi.MapOpenDataApi(api);
        Features.Agreements.AgreementsApi.MapAgreementsApi(api);
        Features.Clusters.Members.MembersApi.MapMembersApi(api);
        Features.Reports.ReportsApi.MapReportsApi(api);
        Features.Evaluations.EvaluationsApi.MapEvaluationsApi(api);
        Features.Calls.CallsApi.MapCallsApi(api);
        Features.Review.ReviewsApi.MapReviewsApi(api);
        Features.Pacts.PactsApi.MapPactsApi(api);
        Features.Surveys.SurveysApi.MapSurveysApi(api);
        Features.Kpis.KpiTargetsApi.MapKpiTargetsApi(api);
        Features.Funds.FundsApi.MapFundsApi(api);
        Features.Budget.BudgetApi.MapBudgetApi(api);
        Features.AnswerPack.AnswerPackApi.MapAnswerPackApi(api);
    }
}
