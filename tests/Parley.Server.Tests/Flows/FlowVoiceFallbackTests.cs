using Parley.Server.Tests.Support;
using static Parley.Server.Tests.Flows.FlowsApi;

namespace Parley.Server.Tests.Flows;

/// <summary>Without espeak-ng the server still starts and flows may name the built-in voices.</summary>
public sealed class FlowVoiceFallbackTests(NoEspeakAppFactory factory) : IClassFixture<NoEspeakAppFactory>
{
    [Fact]
    public async Task WithoutEspeak_TheServerStarts_AndTheBuiltInVoicesStillPublish()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var known = await admin.CreateFlowAsync(SimpleFlow(Unique("Fallback en-us")));
        var swedish = await admin.CreateFlowAsync(SimpleFlow(Unique("Fallback sv")).Replace("\"en-us\"", "\"sv\"", StringComparison.Ordinal));

        Assert.Equal(200, (await admin.PublishAsync(known.GetProperty("id").GetGuid())).Status);
        Assert.Equal(400, (await admin.PublishAsync(swedish.GetProperty("id").GetGuid())).Status);
    }
}
