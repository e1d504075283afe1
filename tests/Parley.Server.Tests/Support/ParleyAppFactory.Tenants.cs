using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Parley.Domain.Security;

namespace Parley.Server.Tests.Support;

/// <summary>Creating other tenants through the platform operator, the way a real operator would.</summary>
public partial class ParleyAppFactory
{
    public const string OtherAdminPassword = "Tenant-Admin-2026!";
    public const string OtherUserPassword = "Tenant-User-2026!x";

    /// <summary>Creates a tenant with a canary-named user, custom role and API client, all through the API.</summary>
    public async Task<OtherTenant> CreateOtherTenantAsync(string slugPrefix = "tenant-b")
    {
        var canary = "canary" + Guid.NewGuid().ToString("N")[..12];
        var slug = $"{slugPrefix}-{canary[6..14]}";
        using var platform = await SignInOperatorAsync();
        var tenant = await CreatedAsync(await platform.PostAsJsonAsync("/api/v1/platform/tenants", new
        {
            slug,
            name = $"Tenant {canary}",
            adminUserName = "boss",
            adminPassword = OtherAdminPassword,
        }));

        using var admin = await SignInAsync(slug, "boss", OtherAdminPassword);
        var roleName = $"role-{canary}";
        var role = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/roles", new
        {
            name = roleName,
            description = $"Role of {canary}",
            permissions = new[] { Permissions.UsersRead, Permissions.RolesRead },
        }));
        var userName = $"user-{canary}";
        var user = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName,
            password = OtherUserPassword,
            displayName = $"User {canary}",
            email = $"{canary}@example.com",
            roles = new[] { roleName },
        }));
        var created = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/api-clients", new
        {
            name = $"Client {canary}",
            permissions = new[] { Permissions.UsersRead },
        }));
        var client = created.GetProperty("client");
        return new OtherTenant(
            tenant.GetProperty("id").GetGuid(),
            slug,
            canary,
            "boss",
            OtherAdminPassword,
            user.GetProperty("id").GetGuid(),
            userName,
            OtherUserPassword,
            role.GetProperty("id").GetGuid(),
            roleName,
            client.GetProperty("id").GetGuid(),
            client.GetProperty("clientId").GetString()!,
            created.GetProperty("clientSecret").GetString()!);
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
            }

            return JsonSerializer.Deserialize<JsonElement>(body);
        }
    }
}
