using System.Text.Json;
using Parley.Server.Tests.Acd;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>Points the demo tenant's outbound calls at a fake carrier (a <see cref="TestPhone"/>).</summary>
internal static class CarrierTrunks
{
    /// <summary>Leaves <paramref name="carrier"/> (or nothing) as the tenant's only trunk with an outbound host; <paramref name="callerId"/> adds caller-ID settings.</summary>
    public static async Task OnlyOutboundTrunkAsync(HttpClient admin, TestPhone? carrier, object? callerId = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var trunks = await admin.JsonAsync("/api/v1/trunks?limit=200");
        var items = trunks.ValueKind == JsonValueKind.Array ? trunks : trunks.GetProperty("items");
        foreach (var trunk in items.EnumerateArray().Where(t => t.TryGetProperty("outboundHost", out var host) && host.ValueKind == JsonValueKind.String))
        {
            using var deleted = await admin.DeleteAsync($"/api/v1/trunks/{trunk.GetProperty("id").GetGuid()}", ct);
        }

        if (carrier is null)
        {
            return;
        }

        var body = JsonSerializer.SerializeToElement(callerId ?? new { }).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value.GetString()!);
        body["name"] = "Carrier out " + carrier.User;
        body["outboundHost"] = carrier.Address.ToString();
        body["outboundPort"] = carrier.Stack.Listeners[0].EndPoint.Port;
        await admin.PostJsonAsync("/api/v1/trunks", body, 201);
    }
}
