using System.Net.Http.Json;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Voice.Http;

internal static class FlowHttpTenant
{
    /// <summary>A fresh tenant (made by the platform operator) whose admin allowed <paramref name="hosts"/> through the settings API.</summary>
    public static async Task<Guid> CreateAsync(ParleyAppFactory factory, params string[] hosts)
    {
        var ct = TestContext.Current.CancellationToken;
        using var platform = await factory.SignInOperatorAsync();
        var slug = "flowhttp-" + Guid.NewGuid().ToString("N")[..10];
        using var create = await platform.PostAsJsonAsync("/api/v1/platform/tenants", new
        {
            slug,
            name = "Flow HTTP Co",
            adminUserName = "boss",
            adminPassword = ParleyAppFactory.OtherAdminPassword,
        }, ct);
        var id = (await (await create.ExpectAsync(201)).ReadJsonAsync()).GetProperty("id").GetGuid();
        if (hosts.Length > 0)
        {
            using var admin = await factory.SignInAsync(slug, "boss", ParleyAppFactory.OtherAdminPassword);
            using var put = await admin.PutJsonAsync("/api/v1/tenant/settings", new { timeZone = "UTC", flowHttpAllowedHosts = hosts }, "*");
            await put.ExpectAsync(200);
        }

        return id;
    }
}
