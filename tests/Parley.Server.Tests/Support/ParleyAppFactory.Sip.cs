using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Sip;
using Parley.Sip.Stack;

namespace Parley.Server.Tests.Support;

/// <summary>SIP objects of other tenants, for the isolation tests' route values.</summary>
public partial class ParleyAppFactory
{
    private const string OtherSipPassword = "Tenant-Sip-2026!";
    private static readonly ConcurrentDictionary<Guid, Guid> OtherSipCredentials = new();
    private static readonly ConcurrentDictionary<Guid, Guid> OtherSipRegistrations = new();

    /// <summary>The SIP credential created for <paramref name="tenantId"/> by <see cref="CreateOtherTenantAsync"/>.</summary>
    public static Guid SipCredentialOf(Guid tenantId) => OtherSipCredentials.TryGetValue(tenantId, out var id) ? id : Guid.Empty;

    /// <summary>The registration of that credential's phone, made over UDP by <see cref="CreateOtherTenantAsync"/>.</summary>
    public static Guid SipRegistrationOf(Guid tenantId) => OtherSipRegistrations.TryGetValue(tenantId, out var id) ? id : Guid.Empty;

    private async Task CreateOtherSipCredentialAsync(HttpClient admin, Guid tenantId, Guid userId, string canary)
    {
        var sipUserName = $"sip-{canary}";
        var credential = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/sip-credentials", new
        {
            userId,
            sipUserName,
            password = OtherSipPassword,
        }));
        OtherSipCredentials[tenantId] = credential.GetProperty("id").GetGuid();

        var realm = (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/sip-credentials/{OtherSipCredentials[tenantId]}")).GetProperty("realm").GetString()!;
        var port = Services.GetRequiredService<SipStack>().Listeners[0].EndPoint.Port;
        var answer = await SipDigestRegistration.RegisterAsync(port, sipUserName, realm, OtherSipPassword, 3600, CancellationToken.None);
        if (!answer.StartsWith("SIP/2.0 200", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Tenant B's phone could not register: {answer}");
        }

        var registrations = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/sip/registrations?aor={Uri.EscapeDataString($"sip:{sipUserName}@{realm}")}");
        OtherSipRegistrations[tenantId] = registrations.GetProperty("items")[0].GetProperty("id").GetGuid();
    }
}
