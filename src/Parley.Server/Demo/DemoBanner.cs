using System.Text;
using Parley.Server.Options;

namespace Parley.Server.Demo;

/// <summary>What a newcomer needs after <c>--demo</c>: where to click and which credentials to use.</summary>
internal static class DemoBanner
{
    /// <param name="secrets">The demo secrets (generated for this data directory unless configured).</param>
    /// <param name="sipListeners">Bound SIP listeners ("UDP 0.0.0.0:5060", …), empty when SIP is off.</param>
    /// <param name="sipDomain">The demo tenant's SIP domain (digest realm), e.g. demo.sip.parley.</param>
    /// <param name="http">Which operator endpoints are served (<c>/openapi</c>, <c>/scalar</c>).</param>
    public static string Render(string baseUrl, DemoCredentials secrets, string operatorUserName, IReadOnlyList<string> sipListeners, string sipDomain, HttpOptions http)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("  Parley is running in demo mode");
        text.AppendLine($"  Web sign-in      {baseUrl}/sign-in?tenant={DemoSeeder.TenantSlug}");
        text.AppendLine($"  Agent workspace  {baseUrl}/workspace      (sign in as agent1, agent2 or agent3)");
        text.AppendLine($"  Supervisor       {baseUrl}/supervisor     (sign in as supervisor: live queues and agents)");
        text.AppendLine($"  Reports          {baseUrl}/reports        (sign in as supervisor or admin: queues, agents, abandons, CSAT, IVR; CSV and XLSX)");
        var admin = $"  Admin console    {baseUrl}/admin          (";
        text.AppendLine(admin + "sign in as admin: agents, queues, flows and the flow designer, chat widgets,");
        text.AppendLine(new string(' ', admin.Length) + "numbers, trunks, users, roles, API clients, webhooks, audit log and more)");
        text.AppendLine($"  Web chat demo    {baseUrl}/demo/chat      (a sample site with the chat widget; answer in the workspace as agent2 or agent3)");
        if (http.ScalarEnabled)
        {
            text.AppendLine($"  API reference    {baseUrl}/scalar");
        }

        if (http.OpenApiEnabled)
        {
            text.AppendLine($"  OpenAPI          {baseUrl}/openapi/v1.json");
        }

        text.AppendLine($"  Health           {baseUrl}/health/ready");
        text.AppendLine($"  Metrics          {baseUrl}/metrics        (from loopback)");
        if (sipListeners.Count > 0)
        {
            text.AppendLine($"  SIP              {string.Join(", ", sipListeners)}");
            text.AppendLine($"  Softphone        agent1@{sipDomain} / {secrets.SipPassword} (also agent2, agent3); call 'echo' to hear yourself, # hangs up");
            text.AppendLine($"  Phone number     dial {DemoVoiceSeeder.Number.TrimStart('+')}: press 1 or say \"sales\", 2 or \"support\"; an agent's softphone rings once they");
            text.AppendLine("                   sign in to routing (workspace, or POST /api/v1/agents/me/sign-in) — see docs/voice.md");
        }

        text.AppendLine();
        text.AppendLine($"  admin / {secrets.AdminPassword}");
        text.AppendLine($"  supervisor / {secrets.SupervisorPassword}");
        text.AppendLine($"  agent1, agent2, agent3 / {secrets.AgentPassword}");
        text.AppendLine($"  API client {DemoSeeder.ApiClientId} / {secrets.ApiClientSecret}");
        text.AppendLine($"  platform operator (tenant: platform) {operatorUserName} / {secrets.OperatorPassword}   ({baseUrl}/admin/platform/tenants: tenants, plans, number pool)");
        text.AppendLine($"  These secrets were generated for this data directory and are kept in {secrets.SecretsFile}");
        text.AppendLine("  (readable only by this user); set Parley:Demo:* and Parley:Platform:OperatorPassword to choose your own.");
        text.AppendLine();
        text.AppendLine($"  curl -s -d grant_type=client_credentials -d client_id={DemoSeeder.ApiClientId} -d client_secret={secrets.ApiClientSecret} {baseUrl}/connect/token");
        return text.ToString();
    }
}
