using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Parley.Server.Tests.Support;

/// <summary>Fills a route pattern's parameters with another tenant's object ids, chosen by the route's prefix.</summary>
public static partial class RouteValues
{
    private static readonly (string Prefix, string Parameter, Func<OtherTenant, string> Value)[] OtherTenantIds =
    [
        ("/api/v1/users/", "id", t => t.UserId.ToString()),
        ("/api/v1/roles/", "id", t => t.RoleId.ToString()),
        ("/api/v1/api-clients/", "id", t => t.ApiClientId.ToString()),
        ("/api/v1/platform/tenants/", "id", t => t.TenantId.ToString()),
        ("/api/v1/sip-credentials/", "id", t => ParleyAppFactory.SipCredentialOf(t.TenantId).ToString()),
        ("/api/v1/sip/registrations/", "id", t => ParleyAppFactory.SipRegistrationOf(t.TenantId).ToString()),
        ("/api/v1/skills/", "id", t => t.Acd.SkillId.ToString()),
        ("/api/v1/agents/", "id", t => t.Acd.AgentId.ToString()),
        ("/admin/agents/", "Id", t => t.Acd.AgentId.ToString()),
        ("/admin/queues/", "Id", t => t.Acd.QueueId.ToString()),
        ("/admin/skills/", "Id", t => t.Acd.SkillId.ToString()),
        ("/admin/not-ready-reasons/", "Id", t => t.Acd.NotReadyReasonId.ToString()),
        ("/admin/users/", "Id", t => t.UserId.ToString()),
        ("/admin/roles/", "Id", t => t.RoleId.ToString()),
        ("/admin/api-clients/", "Id", t => t.ApiClientId.ToString()),
        ("/admin/webhooks/", "Id", t => t.Acd.WebhookId.ToString()),
        ("/admin/flows/", "Id", t => t.Acd.FlowId.ToString()),
        ("/admin/numbers/", "Id", t => ParleyAppFactory.NumberOf(t.TenantId).ToString()),
        ("/admin/trunks/", "Id", t => ParleyAppFactory.TrunkOf(t.TenantId).ToString()),
        ("/admin/schedules/", "Id", t => t.Acd.ScheduleId.ToString()),
        ("/admin/widgets/", "Id", t => t.Acd.WidgetId.ToString()),
        ("/admin/canned-responses/", "Id", t => ParleyAppFactory.CannedResponseOf(t.TenantId).ToString()),
        ("/admin/sip-accounts/", "Id", t => ParleyAppFactory.SipCredentialOf(t.TenantId).ToString()),
        ("/admin/platform/tenants/", "Id", t => t.TenantId.ToString()),
        ("/api/v1/queues/", "id", t => t.Acd.QueueId.ToString()),
        ("/api/v1/not-ready-reasons/", "id", t => t.Acd.NotReadyReasonId.ToString()),
        ("/api/v1/wrap-up-codes/", "code", t => "w" + t.Canary[6..]), // a wrap-up code of tenant B's queue
        ("/api/v1/interactions/", "id", t => t.Acd.InteractionId.ToString()),
        ("/api/v1/webhooks/", "id", t => t.Acd.WebhookId.ToString()),
        ("/api/v1/flows/", "id", t => t.Acd.FlowId.ToString()),
        ("/api/v1/flows/", "n", _ => "1"),
        ("/api/v1/schedules/", "id", t => t.Acd.ScheduleId.ToString()),
        ("/api/v1/numbers/", "id", t => ParleyAppFactory.NumberOf(t.TenantId).ToString()),
        ("/api/v1/platform/numbers/", "id", t => ParleyAppFactory.NumberOf(t.TenantId).ToString()),
        ("/api/v1/platform/nodes/", "id", _ => "node-of-nobody"), // nodes belong to no tenant; never a real node, so nothing is drained
        ("/api/v1/trunks/", "id", t => ParleyAppFactory.TrunkOf(t.TenantId).ToString()),
        ("/api/v1/prompts/", "id", t => ParleyAppFactory.PromptOf(t.TenantId).ToString()),
        ("/api/v1/calls/", "id", t => ParleyAppFactory.CallOf(t.TenantId).ToString()),
        ("/api/v1/calls/", "legId", t => ParleyAppFactory.LegOf(t.TenantId).ToString()),
        ("/api/v1/recordings/", "id", t => ParleyAppFactory.RecordingOf(t.TenantId).ToString()),
        ("/api/v1/canned-responses/", "id", t => ParleyAppFactory.CannedResponseOf(t.TenantId).ToString()),
        ("/api/v1/attachments/", "id", t => ParleyAppFactory.AttachmentOf(t.TenantId).ToString()),
        ("/api/v1/interactions/", "attachmentId", t => ParleyAppFactory.AttachmentOf(t.TenantId).ToString()),
        ("/webchat/", "id", t => ParleyAppFactory.AttachmentOf(t.TenantId).ToString()),
        ("/api/v1/internal-chat/", "userId", t => t.UserId.ToString()),
        ("/api/v1/webchat/widgets/", "id", t => t.Acd.WidgetId.ToString()),
        ("/webchat/", "key", t => t.Acd.WidgetKey),
        ("/webchat/", "rest", _ => "chats"),
    ];

    /// <summary>Parameters that name documents (infrastructure routes) or report kinds, not tenant objects.</summary>
    private static readonly Dictionary<string, string> Infrastructure = new(StringComparer.Ordinal)
    {
        ["documentName"] = "v1",
        ["kind"] = "queue",
    };

    /// <summary>
    /// The path with every parameter replaced, and whether any of them is one of <paramref name="tenant"/>'s ids;
    /// null with a reason when a parameter has no known value.
    /// </summary>
    public static (string? Path, bool HasTenantIds, string? Problem) Fill(RoutePattern pattern, OtherTenant tenant)
    {
        var raw = pattern.RawText ?? "";
        var hasIds = false;
        string? problem = null;
        var path = ParameterSyntax().Replace(raw, match =>
        {
            var name = match.Groups["name"].Value;
            foreach (var (prefix, parameter, value) in OtherTenantIds)
            {
                if (parameter == name && raw.StartsWith(prefix, StringComparison.Ordinal))
                {
                    hasIds = true;
                    return value(tenant);
                }
            }

            if (Infrastructure.TryGetValue(name, out var fixedValue))
            {
                return fixedValue;
            }

            problem = $"Route parameter '{name}' of '{raw}' has no value from tenant B: add its object to "
                + $"{nameof(OtherTenant)}/{nameof(ParleyAppFactory.CreateOtherTenantAsync)} and a mapping to {nameof(RouteValues)}.{nameof(OtherTenantIds)}.";
            return match.Value;
        });
        return problem is null ? (path, hasIds, null) : (null, hasIds, problem);
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::[^{}?=]*)?\??\}")]
    private static partial Regex ParameterSyntax();
}
