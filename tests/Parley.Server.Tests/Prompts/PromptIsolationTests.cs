using Microsoft.Extensions.DependencyInjection;
using Parley.Flows.Execution;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Voice.Audio;
using static Parley.Server.Tests.Flows.FlowsApi;
using static Parley.Server.Tests.Prompts.PromptAudio;

namespace Parley.Server.Tests.Prompts;

/// <summary>Another tenant's prompts answer 404 and never play; deleting a tenant removes its audio files.</summary>
public sealed class PromptIsolationTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    [Fact]
    public async Task TenantBsPrompt_Is404ToTenantA_NeverPlaysForIt_AndGoesWithTenantB()
    {
        var b = await factory.CreateOtherTenantAsync();
        using var boss = await factory.SignInAsync(b.Slug, b.AdminUserName, b.AdminPassword);
        var prompt = (await boss.CreatePromptAsync($"Own {b.Canary}")).GetProperty("id").GetGuid();
        using (var moh = await boss.UploadAsync(Wav(8000, 1, 0.5), "audio/wav", null, HttpMethod.Put, "/api/v1/music-on-hold"))
        {
            await moh.ExpectAsync(200);
        }

        using var admin = await factory.SignInDemoAsync("admin");
        await admin.JsonAsync($"/api/v1/prompts/{prompt}", 404);
        using (var audio = await admin.GetAsync($"/api/v1/prompts/{prompt}/audio", Ct))
        {
            await audio.ExpectAsync(404);
        }

        using (var delete = await admin.DeleteAsync($"/api/v1/prompts/{prompt}", Ct))
        {
            await delete.ExpectAsync(404);
        }

        using (var list = await admin.GetAsync("/api/v1/prompts?limit=200", Ct))
        {
            Assert.DoesNotContain(b.Canary, await (await list.ExpectAsync(200)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var (_, _, mohResponse) = await admin.DownloadWavAsync("/api/v1/music-on-hold");
        Assert.Equal("default", mohResponse.Headers.GetValues("X-Parley-Music-On-Hold").Single());

        var borrowing = await admin.CreateFlowAsync($$"""
            { "name": "{{Unique("Borrowing")}}", "blocks": [
              { "type": "start", "id": "start", "next": "hello" },
              { "type": "play", "id": "hello", "prompt": { "promptId": "{{prompt}}" }, "next": "queue" },
              { "type": "transferToQueue", "id": "queue", "queue": "Sales" } ] }
            """);
        Assert.Equal(["/blocks/1/prompt/promptId"], borrowing.GetProperty("validation").GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray());

        var calls = factory.Services.GetRequiredService<ICallAudio>();
        var demo = await factory.DemoTenantIdAsync();
        await Assert.ThrowsAsync<UnknownPromptException>(async () => await calls.OpenPromptAsync(demo, new PlayPrompt(null, prompt.ToString(), null, null), Ct));
        Assert.NotNull(await calls.OpenPromptAsync(b.TenantId, new PlayPrompt(null, prompt.ToString(), null, null), Ct));

        var folder = Path.Combine(factory.DataDirectory, "tenants", b.TenantId.ToString());
        Assert.True(File.Exists(Path.Combine(folder, "music-on-hold.wav")));
        using var platform = await factory.SignInOperatorAsync();
        await (await platform.DeleteAsync($"/api/v1/platform/tenants/{b.TenantId}", Ct)).ExpectAsync(204);
        Assert.False(Directory.Exists(folder), "the tenant's prompts and music on hold are deleted with it");
    }
}
