using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using static Parley.Server.Tests.Flows.FlowsApi;

namespace Parley.Server.Tests.Flows;

/// <summary>Flows may name the voices the speech engine lists; an unknown one is a validation error on <c>/voice</c>.</summary>
public sealed class FlowVoiceCatalogTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    [Fact]
    public async Task AFlowUsingAnEngineVoice_Publishes_AndOneUsingAnUnknownVoice_IsRefused()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var known = await admin.CreateFlowAsync(SimpleFlow(Unique("Voice en-us")));
        var unknown = await admin.CreateFlowAsync(SimpleFlow(Unique("Voice xx")).Replace("\"en-us\"", "\"xx-nonexistent\"", StringComparison.Ordinal));

        var (publishedStatus, _) = await admin.PublishAsync(known.GetProperty("id").GetGuid());
        var (refusedStatus, problem) = await admin.PublishAsync(unknown.GetProperty("id").GetGuid());

        Assert.Equal(200, publishedStatus);
        Assert.Equal(400, refusedStatus);
        Assert.Contains("xx-nonexistent", problem.GetProperty("errors").GetProperty("/voice")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVoiceOnlyTheEngineLists_Publishes()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/espeak-ng") || File.Exists("/usr/local/bin/espeak-ng"), "espeak-ng is not installed.");
        using var admin = await factory.SignInDemoAsync("admin");
        var swedish = await admin.CreateFlowAsync(SimpleFlow(Unique("Voice sv")).Replace("\"en-us\"", "\"sv\"", StringComparison.Ordinal));

        var (status, _) = await admin.PublishAsync(swedish.GetProperty("id").GetGuid());

        Assert.Equal(200, status);
    }
}
