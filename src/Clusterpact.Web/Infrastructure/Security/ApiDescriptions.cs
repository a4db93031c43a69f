using System.Text.Json;
using System.Text.Json.Nodes;
using Clusterpact.Web.Infrastructure.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Clusterpact.Web.Infrastructure.Security;

/// <summary>An endpoint's example for its OpenAPI operation: the success response and, for a change with a body, the request.</summary>
public sealed record ApiExample(object? Response, object? Request = null, string ContentType = "application/json");

/// <summary>
/// The request body is a file of one of these types, read from the body itself (no form): the document describes it,
/// while the endpoint still answers a wrong type with its own 415 problem (an <c>Accepts</c> would let routing refuse it
/// before the endpoint's authorization and reason are known).
/// </summary>
public sealed record ApiFileBody(params string[] ContentTypes);

public static class ApiExamples
{
    /// <summary>Declares the example of an endpoint; the document shows it under the success response (and the request body).</summary>
    public static TBuilder WithExample<TBuilder>(this TBuilder builder, object? response, object? request = null, string contentType = "application/json")
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ApiExample(response, request, contentType));

    /// <summary>A list page of one row with the next page's cursor, as every API list answers.</summary>
    public static ApiList<T> List<T>(T item) =>
        new([item], new ApiCursor("id", false, JsonSerializer.SerializeToElement(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a5fff")), Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a5fff"), false).Encode());

    /// <summary>What a change answers: the record's new version (also its new ETag).</summary>
    public static readonly object Changed = new { version = 4L };

    /// <summary>A lifecycle step's name as a URL segment: MarkPaid becomes mark-paid.</summary>
    public static string Segment(string step) =>
        string.Concat(step.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}

/// <summary>
/// What the OpenAPI document says of every /api operation, declared once from the endpoint's own metadata rather than by
/// hand per endpoint: the authorization it needs (the session cookie, and the policy by name in
/// <c>x-authorization-policy</c>), the problem responses it can give (400; 401 and 403 unless anonymous; 404 with a route
/// value; 412 and 428 with <c>If-Match</c>), the <c>If-Match</c> header itself, and its example.
/// OpenApiDescriptionTests walks the document and fails when an operation lacks any of these.
/// </summary>
public static class ApiDescriptions
{
    public const string SessionScheme = "session";
    public const string ClientScheme = "oauth2";
    public const string PolicyExtension = "x-authorization-policy";

    public static void Describe(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SessionScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "clusterpact.auth",
                Description = "The session cookie of a signed-in person (sign in at /Account/Login); the person's role and clusters decide what the API answers.",
            };
            document.Components.SecuritySchemes[ClientScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "A machine client (decision 0014): `Authorization: Bearer <token>` with a token from the client-credentials grant "
                    + "at /api/v1/token, or a personal access token created at /Clients. Its scopes narrow what its owner may do "
                    + "(a manager's client stays in the manager's cluster); an operation lists the scope it needs.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri("/api/v1/token", UriKind.Relative),
                        Scopes = Enum.GetValues<Domain.Integrations.ApiArea>()
                            .SelectMany(a => Enum.GetValues<Domain.Integrations.ApiAccess>().Select(x => new Domain.Integrations.ApiScope(a, x)))
                            .ToDictionary(s => s.ToString(), s => s.Access == Domain.Integrations.ApiAccess.Read
                                ? $"Read {s.Area.ToString().ToLowerInvariant()}." : $"Read and change {s.Area.ToString().ToLowerInvariant()}."),
                    },
                },
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true) return Task.CompletedTask;
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var json = context.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            operation.Responses ??= new OpenApiResponses();
            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            if (!anonymous)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SessionScheme, context.Document)] = [] }];
                // The same area metadata that ClientScopeHandler checks: without it, machine clients are refused.
                if (metadata.OfType<Clients.ApiAreaMetadata>().LastOrDefault() is { } area)
                {
                    var access = Domain.Integrations.ApiScope.AccessOf(context.Description.HttpMethod ?? "GET");
                    List<string> scopes = area.Area is { } a ? [new Domain.Integrations.ApiScope(a, access).ToString()] : [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ClientScheme, context.Document)] = scopes });
                }
                var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).Where(p => !string.IsNullOrEmpty(p)).Distinct();
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions[PolicyExtension] = new JsonNodeExtension(JsonValue.Create(string.Join(",", policies)));
                Problem(operation, StatusCodes.Status401Unauthorized, "Not signed in.");
                Problem(operation, StatusCodes.Status403Forbidden, "Signed in, but the role (or the lifecycle table) does not allow it.");
            }
            Problem(operation, StatusCodes.Status400BadRequest, "A parameter or the body is not valid, or a business rule refuses it (detail: the rule's reason, code: its key).");
            if (context.Description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Path))
                Problem(operation, StatusCodes.Status404NotFound, "No such record, or not one the caller may see.");
            if (metadata.OfType<System.Reflection.MethodInfo>().Any(m => m.GetParameters().Any(p => p.ParameterType == typeof(IfMatch))))
            {
                operation.Parameters ??= [];
                var creates = metadata.OfType<CreatesWithIfNoneMatch>().Any();
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "If-Match", In = ParameterLocation.Header, Required = !creates, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    Description = "The ETag of the record as read (its version, e.g. \"3\")." + (creates ? " Or If-None-Match: * to make it when there is none yet." : ""),
                    Example = JsonValue.Create("\"3\""),
                });
                if (creates)
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = "If-None-Match", In = ParameterLocation.Header, Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create("*"),
                        Description = "* to make the record only when there is none yet (412 when there is); instead of If-Match.",
                    });
                Problem(operation, StatusCodes.Status412PreconditionFailed, "The record changed since it was read (a stale If-Match); nothing was changed.");
                Problem(operation, StatusCodes.Status428PreconditionRequired, "If-Match is missing; a change must say which version it was made against.");
            }
            if (metadata.OfType<IApiSortDescription>().LastOrDefault() is { } sort) Sort(operation, sort);
            foreach (var code in metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.StatusCode >= 400).Select(p => p.StatusCode))
                Problem(operation, code, code == StatusCodes.Status409Conflict ? "The record's state does not allow this (a lifecycle step from the wrong state) or a concurrent change won." : "Refused.");
            if (metadata.OfType<ApiFileBody>().LastOrDefault() is { } file && operation.RequestBody is null)
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = file.ContentTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
                };
            if (metadata.OfType<ApiExample>().LastOrDefault() is { } example) Example(operation, example, json);
            return Task.CompletedTask;
        });
    }

    private static void Problem(OpenApiOperation operation, int status, string description)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing) && existing.Content?.ContainsKey("application/problem+json") == true) return;
        operation.Responses[key] = new OpenApiResponse
        {
            Description = existing?.Description ?? description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Object },
                    Example = new JsonObject
                    {
                        ["type"] = $"https://tools.ietf.org/html/rfc9110", ["title"] = ReasonPhrase(status), ["status"] = status,
                        ["detail"] = description, ["code"] = status switch { 412 => ApiConventions.StaleCode, 428 => ApiConventions.MissingCode, 409 => "Payment.Step.Approve.NotAllowed", _ => null },
                    },
                },
            },
        };
    }

    /// <summary>A list's <c>sort</c> parameter names the fields it offers and its default; <c>desc</c> its default direction.</summary>
    private static void Sort(OpenApiOperation operation, IApiSortDescription sort)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name == "sort")
            {
                parameter.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String, Enum = [.. sort.Names.Select(n => (JsonNode)JsonValue.Create(n))], Default = JsonValue.Create(sort.Default),
                };
                parameter.Description = $"The field to sort by: {string.Join(", ", sort.Names)} (default {sort.Default}); then by id. Another is a 400.";
            }
            else if (parameter.Name == "desc")
                parameter.Description = $"true for the other direction (default {(sort.DefaultDescending ? "true" : "false")} with the default sort, false with another). " +
                                        "A cursor continues only the sort and direction it was made for (400 otherwise).";
        }
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private static void Example(OpenApiOperation operation, ApiExample example, JsonSerializerOptions json)
    {
        var success = operation.Responses!.Where(r => r.Key.StartsWith('2')).Select(r => r.Value).FirstOrDefault() as OpenApiResponse;
        if (success is null)
        {
            success = new OpenApiResponse { Description = "OK" };
            operation.Responses!["200"] = success;
        }
        success.Content ??= new Dictionary<string, OpenApiMediaType>();
        if (!success.Content!.TryGetValue(example.ContentType, out var media)) success.Content[example.ContentType] = media = new OpenApiMediaType();
        media.Example = example.Response is string text && example.ContentType != "application/json" ? JsonValue.Create(text) : JsonSerializer.SerializeToNode(example.Response, json);
        if (example.Request is not null && operation.RequestBody?.Content is { } body)
            foreach (var content in body.Values)
                content.Example = example.Request is string raw ? JsonValue.Create(raw) : JsonSerializer.SerializeToNode(example.Request, json);
    }
}
