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
        await CreateOtherSipCredentialAsync(admin, tenant.GetProperty("id").GetGuid(), user.GetProperty("id").GetGuid(), canary);
        var acd = await CreateAcdObjectsAsync(admin, canary, user.GetProperty("id").GetGuid());
        await CreateOtherVoiceObjectsAsync(platform, admin, tenant.GetProperty("id").GetGuid(), canary, acd.QueueId);
        await CreateOtherCallAsync(tenant.GetProperty("id").GetGuid(), canary);
        await CreateOtherWorkspaceObjectsAsync(admin, tenant.GetProperty("id").GetGuid(), canary);
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
            created.GetProperty("clientSecret").GetString()!) { Acd = acd };
    }

    private static async Task<AcdObjects> CreateAcdObjectsAsync(HttpClient admin, string canary, Guid userId)
    {
        var skill = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/skills", new { name = $"skill-{canary}", description = canary }));
        var skillId = skill.GetProperty("id").GetGuid();
        var agent = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/agents", new
        {
            userId,
            displayName = $"Agent {canary}",
            extension = "4242",
            skills = new[] { new { skillId, proficiency = 3 } },
        }));
        var queue = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/queues", new
        {
            name = $"Queue {canary}",
            channels = new[] { "Voice", "Chat" },
            requiredSkills = new[] { new { skillId, minProficiency = 1 } },
            wrapUpCodes = new[] { canary, "w" + canary[6..] }, // the second names no canary (the isolation sweep puts it in URLs)
        }));
        var reason = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/not-ready-reasons", new { code = $"r-{canary}", name = $"Reason {canary}" }));
        var interaction = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/interactions", new
        {
            queueId = queue.GetProperty("id").GetGuid(),
            channel = "Voice",
            attributes = new Dictionary<string, string> { ["note"] = canary },
        }));
        var webhook = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = $"https://127.0.0.1:9/{canary}" }));
        var schedule = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/schedules", new
        {
            name = $"Hours {canary}",
            weekly = new[] { new { day = "Monday", open = "09:00", close = "17:00" } },
            holidays = new[] { new { date = "2026-12-25", name = canary } },
        }));
        var flow = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/flows", new
        {
            name = $"Flow {canary}",
            blocks = new object[]
            {
                new { type = "start", id = "start", next = "hours" },
                new { type = "businessHours", id = "hours", scheduleId = schedule.GetProperty("id").GetGuid(), open = "queue", closed = "bye" },
                new { type = "transferToQueue", id = "queue", queue = $"Queue {canary}" },
                new { type = "hangUp", id = "bye", reason = canary },
            },
        }));
        using (var published = await admin.PostAsync($"/api/v1/flows/{flow.GetProperty("id").GetGuid()}/publish", null))
        {
            await published.ExpectAsync(200);
        }

        var widget = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/webchat/widgets", new
        {
            name = $"Widget {canary}",
            key = $"w-{Guid.NewGuid():N}",
            title = $"Chat {canary}",
            allowedOrigins = new[] { "https://tenant-b.example" },
            queueId = queue.GetProperty("id").GetGuid(),
        }));
        return new AcdObjects(
            skillId,
            agent.GetProperty("id").GetGuid(),
            queue.GetProperty("id").GetGuid(),
            reason.GetProperty("id").GetGuid(),
            interaction.GetProperty("id").GetGuid(),
            webhook.GetProperty("subscription").GetProperty("id").GetGuid(),
            flow.GetProperty("id").GetGuid(),
            schedule.GetProperty("id").GetGuid(),
            widget.GetProperty("id").GetGuid(),
            widget.GetProperty("key").GetString()!);
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
