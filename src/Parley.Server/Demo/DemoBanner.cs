using System.Text;
using Parley.Server.Options;

namespace Parley.Server.Demo;

/// <summary>What a newcomer needs after <c>--demo</c>: where to click and which credentials to use.</summary>
internal static class DemoBanner
{
    /// <param name="sipListeners">Bound SIP listeners ("UDP 0.0.0.0:5060", …), empty when SIP is off.</param>
    /// <param name="sipDomain">The demo tenant's SIP domain (digest realm), e.g. demo.sip.parley.</param>
    public static string Render(string baseUrl, DemoOptions demo, string operatorUserName, string operatorPassword, IReadOnlyList<string> sipListeners, string sipDomain)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("  Parley is running in demo mode");
        text.AppendLine($"  Web sign-in      {baseUrl}/sign-in        (tenant: {DemoSeeder.TenantSlug})");
        text.AppendLine($"  API reference    {baseUrl}/scalar");
        text.AppendLine($"  OpenAPI          {baseUrl}/openapi/v1.json");
        text.AppendLine($"  Health           {baseUrl}/health/ready");
        text.AppendLine($"  Metrics          {baseUrl}/metrics");
        if (sipListeners.Count > 0)
        {
            text.AppendLine($"  SIP              {string.Join(", ", sipListeners)}");
            text.AppendLine($"  Softphone        agent1@{sipDomain} / {demo.SipPassword} (also agent2, agent3); call 'echo' to hear yourself, # hangs up");
        }
        text.AppendLine();
        text.AppendLine($"  admin / {demo.AdminPassword}");
        text.AppendLine($"  supervisor / {demo.SupervisorPassword}");
        text.AppendLine($"  agent1, agent2, agent3 / {demo.AgentPassword}");
        text.AppendLine($"  API client {DemoSeeder.ApiClientId} / {demo.ApiClientSecret}");
        text.AppendLine($"  platform operator (tenant: platform) {operatorUserName} / {operatorPassword}");
        text.AppendLine();
        text.AppendLine($"  curl -s -d grant_type=client_credentials -d client_id={DemoSeeder.ApiClientId} -d client_secret={demo.ApiClientSecret} {baseUrl}/connect/token");
        return text.ToString();
    }
}
