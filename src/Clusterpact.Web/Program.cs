using Clusterpact.Web.Features;
using Clusterpact.Web.Infrastructure;
using Clusterpact.Web.Infrastructure.Security;
using Clusterpact.Web.Infrastructure.Requests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Clusterpact.Web.Infrastructure.Hosting;
using Clusterpact.Web.Infrastructure.Setup;
using Clusterpact.Web.Infrastructure.Nodes;
using Clusterpact.Web.Infrastructure.Telemetry;
using Clusterpact.Web.Infrastructure.EnterpriseRegister;
using Clusterpact.Web.Infrastructure.Clients;
using Microsoft.AspNetCore.Localization;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Host.UseSerilog((ctx, services, log) => log.ClusterpactConsole(ctx.Configuration, services));
builder.Services.AddClusterpactTelemetry(builder.Configuration);

builder.Services.AddClusterpactData(builder.Configuration, builder.Environment);
builder.Services.AddClusterpactAuth(builder.Configuration);
builder.Services.AddClusterpactSignInSecurity(builder.Configuration);
builder.Services.AddClusterpactPublicUrls(builder.Configuration).AddClusterpactFirstRun();
builder.Services.AddLocalization();
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    o.DefaultRequestCulture = new RequestCulture(Cultures.Dutch, Cultures.Dutch);
    o.SupportedCultures = Cultures.Supported;
    o.SupportedUICultures = Cultures.Supported;
    // The language switch writes the cookie; a browser's Accept-Language is not used, so Dutch is the default. An API
    // client's Accept-Language chooses the language of its answers.
    o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new ApiAcceptLanguageProvider(), new CookieRequestCultureProvider()];
});
builder.Services.AddRazorPages(o =>
    {
        // Vertical slices: each feature's pages live beside its handlers under Features/<Area>/.
        o.RootDirectory = "/Features";
        // Every page's rule, in one place: a folder's policy, a stricter one for the pages inside it that only agency staff
        // open, or an explicit AllowAnonymous. The fallback policy (signed in) is only a safety net; EndpointRulesTests
        // fails for a page without a rule here. Within a page, who may act on which record is the resource handler's call.
        o.Conventions.AuthorizeFolder("/Admin", Policies.Administration);
        o.Conventions.AuthorizeFolder("/Clusters", Policies.ClusterData);
        o.Conventions.AuthorizePage("/Clusters/Record", Policies.AgencyStaff);
        o.Conventions.AuthorizeFolder("/Organisations", Policies.ClusterData);
        o.Conventions.AuthorizeFolder("/Organisations/Import", Policies.ClusterEditing);
        o.Conventions.AuthorizeFolder("/Agreements", Policies.ClusterData);
        // Concluding, extending and shortening an agreement and the funding rules are the agency's.
        o.Conventions.AuthorizePage("/Agreements/New", Policies.AgencyStaff);
        o.Conventions.AuthorizePage("/Agreements/Extend", Policies.AgencyStaff);
        o.Conventions.AuthorizePage("/Agreements/Shorten", Policies.AgencyStaff);
        o.Conventions.AuthorizePage("/Agreements/Rules", Policies.AgencyStaff);
        o.Conventions.AuthorizeFolder("/Projects", Policies.ClusterData);
        o.Conventions.AuthorizeFolder("/Projects/Import", Policies.ClusterEditing);
        o.Conventions.AuthorizePage("/Projects/New", Policies.ClusterEditing);
        o.Conventions.AuthorizePage("/Projects/Edit", Policies.ClusterEditing);
        o.Conventions.AuthorizeFolder("/Funds", Policies.ClusterData);
        o.Conventions.AuthorizeFolder("/Evaluations", Policies.ClusterData);
        o.Conventions.AuthorizePage("/Evaluations/New", Policies.AgencyStaff);
        o.Conventions.AuthorizeFolder("/Surveys", Policies.ClusterData);
        o.Conventions.AuthorizeFolder("/Kpis", Policies.ClusterData);
        o.Conventions.AuthorizeFolder("/Pacts", Policies.ClusterData);
        o.Conventions.AuthorizeFolder("/Reports", Policies.ClusterData);
        o.Conventions.AuthorizeFolder("/Calls", Policies.AgencyStaff);
        o.Conventions.AuthorizeFolder("/Dashboard", Policies.ProgrammeView);
        o.Conventions.AuthorizeFolder("/AnswerPack", Policies.ProgrammeView);
        // Budget scenarios are the agency's policy preparation: readers may look, only agency staff change them.
        o.Conventions.AuthorizeFolder("/Budget", Policies.ProgrammeView);
        o.Conventions.AuthorizePage("/Budget/New", Policies.AgencyStaff);
        o.Conventions.AuthorizePage("/Budget/Edit", Policies.AgencyStaff);
        o.Conventions.AuthorizeFolder("/Apply", Policies.Applying);
        o.Conventions.AuthorizeFolder("/Review", Policies.Reviewing);
        // Published calls are public: anyone may read the terms before applying.
        o.Conventions.AllowAnonymousToFolder("/OpenCalls");
        // Aid awarded is published for anyone (GBER art. 9): organisation data only.
        o.Conventions.AllowAnonymousToFolder("/OpenData");
        // The survey answer page (/s/{token}) is public: the personal link is the credential.
        o.Conventions.AllowAnonymousToFolder("/Respond");
        // Signing in and out, and the page that says a right is missing.
        o.Conventions.AllowAnonymousToFolder("/Account");
        // Two-step sign-in of the signed-in person, whatever their role.
        o.Conventions.AuthorizeFolder("/TwoFactor", Policies.SignedIn);
        o.Conventions.AuthorizeFolder("/Confirm", Policies.SignedIn);
        o.Conventions.AuthorizeFolder("/Notifications", Policies.SignedIn);
        o.Conventions.AuthorizeFolder("/Clients", Policies.MachineClients);
        o.Conventions.AllowAnonymousToPage("/Index");
        o.Conventions.AllowAnonymousToPage("/Error");
        o.Conventions.AllowAnonymousToPage("/Accessibility");
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
    .AddValidationMessages();
builder.Services.AddQuietTempData();
builder.Services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<Microsoft.Extensions.Localization.IStringLocalizerFactory>((o, factory) =>
{
    // Model-binding messages ("the value 'abc' is not valid") in the user's language too.
    var text = factory.Create(typeof(SharedResource));
    o.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, _) => text["Validation.Invalid", value]);
    o.ModelBindingMessageProvider.SetValueIsInvalidAccessor(value => text["Validation.Invalid", value]);
    o.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(field => text["Validation.Number", field]);
    o.ModelBindingMessageProvider.SetValueMustNotBeNullAccessor(field => text["Validation.Required", field]);
    o.ModelBindingMessageProvider.SetMissingBindRequiredValueAccessor(field => text["Validation.Required", field]);
    o.ModelBindingMessageProvider.SetUnknownValueIsInvalidAccessor(field => text["Validation.Invalid", field]);
    o.ModelBindingMessageProvider.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Validation.Invalid", value]);
});
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddProblemDetails();
builder.Services.AddClusterpactApiDocuments();
builder.Services.AddClusterpactSecurity(builder.Configuration, builder.Environment);
builder.Services.AddRequestSafety(builder.Configuration);
builder.Services.AddClusterpactNodes(builder.Configuration);
builder.Services.AddClusterpactEmail(builder.Configuration);
builder.Services.AddClusterpactJobs(builder.Configuration);
builder.Services.AddClusterpactMachineClients(builder.Configuration, builder.Environment);
builder.Services.AddFeatures(builder.Configuration);
builder.Services.AddEnterpriseRegister(builder.Configuration);

var app = builder.Build();

var start = await DatabaseInitialiser.InitialiseAsync(app.Services, app.Configuration);

app.UseClusterpactSecurity();
app.UseClusterpactRequestLog();
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages =>
{
    pages.UseExceptionHandler("/Error");
    pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
});
app.UseDatabaseOutagePage();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseRequestLimits();
app.UseNoNulCharacters();
app.UseAuthentication();
app.UseClusterpactSignInSecurity();
app.UseAuthorization();
app.UseAntiforgery();

app.MapRazorPages();
app.MapClusterpactHealth();
app.MapClusterpactApiDocuments();
app.MapFeatureEndpoints();

app.PrintWhenStarted(start);

app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
