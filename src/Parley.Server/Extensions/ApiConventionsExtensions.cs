using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace Parley.Server.Extensions;

/// <summary>JSON, problem details, validation and the OpenAPI document shared by every API.</summary>
internal static class ApiConventionsExtensions
{
    public static IServiceCollection AddParleyApiConventions(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.MaxDepth = 32;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Extensions.Remove("exception");
            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                ValidationProblemWording.Apply(validation);
            }
        });
        services.AddExceptionHandler<ParleyExceptionHandler>();
        services.AddValidation();
        services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiSecurityTransformer>());
        return services;
    }
}
