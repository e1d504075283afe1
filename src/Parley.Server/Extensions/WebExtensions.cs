using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Application.Agents;
using Parley.Server.Application.Attachments;
using Parley.Server.Application.CannedResponses;
using Parley.Server.Application.InternalChat;
using Parley.Server.Application.Reports;
using Parley.Server.Application.Supervision;
using Parley.Server.Options.Validation;
using Parley.Server.Web;
using Parley.Server.Web.Workspace;
using Radzen;

namespace Parley.Server.Extensions;

/// <summary>The web app: Blazor components with interactive server rendering, Radzen, and the application layer they share with the REST API.</summary>
internal static class WebExtensions
{
    public static IServiceCollection AddParleyWeb(this IServiceCollection services)
    {
        services.AddScoped<AgentWorkspace>();
        services.AddScoped<Parley.Server.Application.Calls.CallControl>();
        services.AddScoped<Parley.Server.Application.Calls.VoicemailPlayback>();
        services.AddScoped<Parley.Server.Application.Calls.CallSupervision>();
        services.AddScoped<Parley.Server.Application.Calls.OutboundDialing>();
        services.AddScoped<Parley.Server.Application.Calls.CallbackOrders>();
        services.AddSingleton<Parley.Server.Application.Calls.CallEvents>();
        services.AddSingleton<ApplicationRunner>();
        services.AddScoped<CannedResponseService>();
        services.AddScoped<AttachmentService>();
        services.AddScoped<Application.Storage.TenantStorage>();
        services.AddSingleton<AttachmentStore>();
        // Uploads may be as large as the largest tenant limit (plus the multipart envelope); the handler checks the
        // tenant's own limit while streaming. Without this the 1 MiB request limit refused files every tenant allows.
        services.AddSingleton(new UploadBodyLimit("/api/v1/attachments", () => Domain.Tenants.AttachmentLimits.MaxMaxBytes + (64 * 1024)));
        services.AddScoped<InternalChatService>();
        services.AddSingleton<InternalChatEvents>();
        services.AddScoped<SupervisorDashboard>();
        services.AddScoped<Usage.UsageReader>();
        services.AddSingleton<Usage.ApiCallMeter>();
        services.AddSingleton<Tenants.TenantApiRates>();
        services.AddValidatedOptions<Usage.UsageOptions, Usage.UsageOptionsValidator>(Usage.UsageOptions.Section);
        services.AddSingleton<Usage.UsageJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Usage.UsageJob>());
        services.AddValidatedOptions<Reports.ReportAggregateOptions, Reports.ReportAggregateOptionsValidator>(Reports.ReportAggregateOptions.Section);
        services.AddSingleton<Reports.ContactIntervalJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Reports.ContactIntervalJob>());
        services.AddScoped<SupervisorCommands>();
        services.AddScoped<QueueAdmin>();
        services.AddScoped<AgentAdmin>();
        services.AddScoped<NotReadyReasonAdmin>();
        services.AddScoped<SkillAdmin>();
        services.AddScoped<WrapUpCodeAdmin>();
        services.AddScoped<ReportService>();
        services.AddScoped<FlowAdmin>();
        services.AddScoped<RoleAdmin>();
        services.AddScoped<UserAdmin>();
        services.AddScoped<ApiClientAdmin>();
        services.AddScoped<WebhookAdmin>();
        services.AddScoped<AuditLogAdmin>();
        services.AddScoped<NumberAdmin>();
        services.AddScoped<TrunkAdmin>();
        services.AddScoped<ScheduleAdmin>();
        services.AddScoped<WidgetAdmin>();
        services.AddScoped<TenantSettingsAdmin>();
        services.AddScoped<SipAccountAdmin>();
        services.AddScoped<SipRegistrationAdmin>();
        services.AddScoped<Application.Platform.PlatformTenantAdmin>();
        services.AddScoped<Application.Platform.PlatformPlanAdmin>();
        services.AddScoped<Application.Platform.PlatformNumberAdmin>();
        services.AddScoped<Application.Platform.PlatformNodeAdmin>();
        services.AddSingleton<SupervisorFeed>();
        services.AddValidatedOptions<SupervisionOptions, SupervisionOptionsValidator>(SupervisionOptions.Section);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitAuthenticationRevalidator>();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>(sp => sp.GetRequiredService<CircuitAuthenticationRevalidator>());
        services.AddRadzenComponents();
        services.AddScoped<CircuitConnection>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<CircuitConnection>());
        return services;
    }

    public static WebApplication MapParleyWeb(this WebApplication app)
    {
        // SecurityHeadersMiddleware already sends frame-ancestors 'none' in the one CSP header; Blazor would add a second one.
        // Every endpoint of the app — pages, the circuit's hub (/_blazor…) and Blazor's redirect helper — needs a signed-in person;
        // each page then names its permission, and the application layer checks again on every call.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null).RequireAuthorization();
        return app;
    }
}
