using System.Collections.Concurrent;
using System.Net.Http.Json;

namespace Parley.Server.Tests.Support;

/// <summary>SIP objects of other tenants, for the isolation tests' route values.</summary>
public partial class ParleyAppFactory
{
    private static readonly ConcurrentDictionary<Guid, Guid> OtherSipCredentials = new();

    /// <summary>The SIP credential created for <paramref name="tenantId"/> by <see cref="CreateOtherTenantAsync"/>.</summary>
    public static Guid SipCredentialOf(Guid tenantId) => OtherSipCredentials.TryGetValue(tenantId, out var id) ? id : Guid.Empty;

    private static async Task CreateOtherSipCredentialAsync(HttpClient admin, Guid tenantId, Guid userId, string canary)
    {
        var credential = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/sip-credentials", new
        {
            userId,
            sipUserName = $"sip-{canary}",
            password = "Tenant-Sip-2026!",
        }));
        OtherSipCredentials[tenantId] = credential.GetProperty("id").GetGuid();
    }
}
