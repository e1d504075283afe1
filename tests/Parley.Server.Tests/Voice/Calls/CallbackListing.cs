using System.Text.Json;
using Parley.Server.Tests.Acd;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>What callback tests do over the API: wait for a callback to be listed, and wrap up what the agent owes.</summary>
internal static class CallbackListing
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> WaitForAsync(HttpClient admin, Func<JsonElement, bool> match)
    {
        for (var attempt = 0; ; attempt++)
        {
            var found = (await admin.JsonAsync("/api/v1/callbacks")).GetProperty("items").EnumerateArray().Where(match).ToList();
            if (found.Count > 0)
            {
                return found[0];
            }

            Assert.True(attempt < 100, "the callback never showed up as expected");
            await Task.Delay(100, Ct);
        }
    }

    public static async Task WrapUpAsync(HttpClient agent)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var work = await agent.JsonAsync("/api/v1/agents/me/interactions");
            var items = (work.ValueKind == JsonValueKind.Array ? work : work.GetProperty("items")).EnumerateArray().ToList();
            var owed = items.Where(w => w.GetProperty("status").ToString() is "WrapUp" or "2").ToList();
            foreach (var item in owed)
            {
                using var done = await agent.PostAsync($"/api/v1/interactions/{item.GetProperty("interactionId").GetGuid()}/wrap-up",
                    System.Net.Http.Json.JsonContent.Create(new { code = "resolved" }), Ct);
            }

            if (owed.Count > 0 || items.Count == 0)
            {
                return;
            }

            await Task.Delay(100, Ct);
        }
    }
}
