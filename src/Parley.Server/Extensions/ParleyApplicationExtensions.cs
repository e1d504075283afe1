using Parley.Server.WebChat;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Parley.Server.Api.Account;
using Parley.Server.Api.Flows;
using Parley.Server.Api.Agents;
using Parley.Server.Api.ApiClients;
using Parley.Server.Api.Attachments;
using Parley.Server.Api.Calls;
using Parley.Server.Api.CannedResponses;
using Parley.Server.Api.InternalChat;
using Parley.Server.Api.Audit;
using Parley.Server.Api.Interactions;
using Parley.Server.Api.NotReadyReasons;
using Parley.Server.Api.WrapUpCodes;
using Parley.Server.Api.Numbers;
using Parley.Server.Api.Platform;
using Parley.Server.Api.Prompts;
using Parley.Server.Api.Queues;
using Parley.Server.Api.Realtime;
using Parley.Server.Api.Reports;
using Parley.Server.Api.Roles;
using Parley.Server.Api.Schedules;
using Parley.Server.Api.SipCredentials;
using Parley.Server.Api.SipRegistrations;
using Parley.Server.Api.Skills;
using Parley.Server.Api.Trunks;
using Parley.Server.Api.Users;
using Parley.Server.Api.Webhooks;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Auth.Guessing;
using Parley.Server.Demo;
using Parley.Server.Hubs;
using Parley.Server.Options;
using Parley.Server.Sip;
using Parley.Server.Tenants;
using Parley.Sip.Stack;
using Prometheus;
using Scalar.AspNetCore;
using HttpOptions = Parley.Server.Options.HttpOptions;

namespace Parley.Server.Extensions;

/// <summary>The composition root's pipeline half: middleware order, endpoints and start-up work.</summary>
public static class ParleyApplicationExtensions
{
    public static WebApplication UseParley(this WebApplication app)
    {
        app.UseParleyForwardedHeaders(app.Services.GetRequiredService<IOptions<HttpOptions>>().Value);
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodePageWriter.WriteAsync);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // Web chat visitor sockets: after the exception handler (a failure before the upgrade is answered as problem details),
        // ahead of routing, authentication, metrics, audit and the endpoint filters, whose frames an idle socket would
        // otherwise hold for hours, and ahead of the security headers, which it adds itself to a refusal or a failure but not
        // to an accepted socket's 101, whose header collection the connection keeps (ChatSocketMiddleware). The Blazor
        // circuit negotiates its own transport.
        app.UseWhen(http => http.Request.Path.StartsWithSegments(WebChatEndpoints.Prefix), chat => chat.UseWebSockets().UseMiddleware<ChatSocketMiddleware>());
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseMiddleware<OperatorEndpointsMiddleware>();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseHttpMetrics();
        app.UseMiddleware<SameOriginMiddleware>();
        app.UseMiddleware<ClientAuthenticationGuard>();
        app.UseAuthentication();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseMiddleware<Usage.ApiCallMeteringMiddleware>();
        if (app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled)
        {
            app.UseRateLimiter();
        }

        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapParley(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        var http = app.Services.GetRequiredService<IOptions<HttpOptions>>().Value;
        if (app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled)
        {
            app.MapMetrics("/metrics").AllowAnonymous(); // who may scrape: OperatorEndpointsMiddleware
        }

        if (http.OpenApiEnabled)
        {
            app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        }

        if (http.ScalarEnabled)
        {
            // Self-contained: no web fonts from the vendor's CDN (the reference must work offline),
            // no AI chat, no MCP and no "deploy"/client buttons that lead off this server. Scalar shows its developer
            // tools (Configure, Share, Generate SDK, Deploy) on localhost unless told not to: exactly where the demo runs.
            app.MapScalarApiReference("/scalar", options => options
                    .DisableDefaultFonts()
                    .HideDeveloperTools()
                    .DisableAgent()
                    .DisableMcp()
                    .DisableTelemetry()
                    .HideClientButton())
                .AllowAnonymous();
        }

        app.MapGet("/sign-in", () => Results.File("sign-in.html", "text/html")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/access-denied", () => Results.File("access-denied.html", "text/html")).AllowAnonymous().ExcludeFromDescription();
        app.MapTokenEndpoint();

        var api = app.MapGroup("/api/v1");
        api.MapAccountApi();
        api.MapUsersApi();
        api.MapRolesApi();
        api.MapApiClientsApi();
        api.MapAuditApi();
        api.MapTenantsApi();
        api.MapTenantPlansApi();
        Usage.UsageApi.MapUsageApi(api);
        api.MapSkillsApi();
        api.MapAgentsApi();
        api.MapNotReadyReasonsApi();
        api.MapWrapUpCodesApi();
        api.MapQueuesApi();
        api.MapFlowsApi();
        api.MapSchedulesApi();
        api.MapPromptsApi();
        api.MapMusicOnHoldApi();
        api.MapInteractionsApi();
        Api.WebChat.WidgetsApi.MapWidgetsApi(api);
        api.MapRealtimeApi();
        api.MapWebhooksApi();
        api.MapSipCredentialsApi();
        api.MapSipRegistrationsApi();
        api.MapPlatformNumbersApi();
        api.MapNodesApi();
        api.MapNumbersApi();
        api.MapTrunksApi();
        api.MapCallsApi();
        Api.Recordings.RecordingsApi.MapRecordingsApi(api);
        api.MapReportsApi();
        api.MapReportRebuildApi();
        api.MapCannedResponsesApi();
        api.MapAttachmentsApi();
        api.MapInternalChatApi();
        api.MapCallControlApi();
        api.MapCallSupervisionApi();
        api.MapOutboundCallsApi();
        api.MapCallbacksApi();
        Api.TenantSettings.TenantSettingsApi.MapTenantSettingsApi(api);
        app.MapHub<RoutingHub>(RoutingHub.SupervisorPath).RequirePermission(Domain.Security.Permissions.RealtimeRead);
        app.MapHub<RoutingHub>(RoutingHub.AgentPath).RequirePermission(Domain.Security.Permissions.AgentSelf);
        app.MapWebChat();
        app.MapParleyWeb();
        return app;
    }

    /// <summary>Prints the demo banner once the server listens.</summary>
    public static void PrintDemoBannerOnStart(this WebApplication app)
    {
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!demo.Enabled)
        {
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var baseUrl = app.Services.GetRequiredService<IOptions<ParleyOptions>>().Value.PublicUrl
                ?? app.Urls.FirstOrDefault()?.Replace("0.0.0.0", "localhost", StringComparison.Ordinal)
                ?? "http://localhost:5000";
            var platform = app.Services.GetRequiredService<IOptions<PlatformOptions>>().Value;
            var sip = app.Services.GetRequiredService<IOptions<SipHostOptions>>().Value.Enabled
                ? app.Services.GetRequiredService<SipStack>().Listeners.Select(l => $"{l.Transport} {l.EndPoint}").ToList()
                : [];
            var sipDomain = app.Services.GetRequiredService<SipRealms>().For(DemoSeeder.TenantSlug);
            var secrets = app.Services.GetRequiredService<DemoCredentials>();
            var http = app.Services.GetRequiredService<IOptions<HttpOptions>>().Value;
            Console.Out.Write(DemoBanner.Render(baseUrl.TrimEnd('/'), secrets, platform.OperatorUserName, sip, sipDomain, http));
            Console.Out.Flush();
        });
    }
}
