using System.Net.Http.Headers;
using System.Security.Cryptography;
using Parley.Media.Audio;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using static Parley.Server.Tests.Flows.FlowsApi;
using static Parley.Server.Tests.Prompts.PromptAudio;

namespace Parley.Server.Tests.Prompts;

/// <summary><c>/api/v1/prompts</c>: uploads converted to 8 kHz mono, validated, stored per tenant, guarded while in use.</summary>
public sealed class PromptsApiTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    [Fact]
    public async Task A16kHzStereoWav_IsStoredAs8kHzMono_WithItsDurationSizeAndChecksum()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var name = Unique("Greeting");
        using var response = await admin.UploadAsync(Wav(16000, 2, 2.0), "audio/wav", name);
        var prompt = await (await response.ExpectAsync(201)).ReadJsonAsync();
        var id = prompt.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/prompts/{id}", response.Headers.Location?.ToString());
        Assert.Equal((name, "audio/wav"), (prompt.GetProperty("name").GetString(), prompt.GetProperty("sourceType").GetString()));
        Assert.InRange(prompt.GetProperty("durationMs").GetInt32(), 1990, 2000);

        var (audio, bytes, _) = await admin.DownloadWavAsync($"/api/v1/prompts/{id}/audio");
        Assert.Equal(WavFormat.Pcm8kMono, audio.Format);
        Assert.InRange(audio.FrameCount, 15900, 16000);
        Assert.InRange(Rms(audio.ToPcm16()), 7000, 9500);
        Assert.Equal(prompt.GetProperty("sizeBytes").GetInt64(), bytes.Length);
        Assert.Equal(prompt.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));

        var tenantId = await factory.DemoTenantIdAsync();
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "tenants", tenantId.ToString(), "prompts", $"{id}.wav")));
        var listed = await admin.JsonAsync("/api/v1/prompts?limit=200");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task AFileOverTheApisGeneralOneMebibyteLimit_IsAccepted_UpToThePromptLimit()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var wav = Wav(48000, 2, 6.0);
        Assert.True(wav.Length > 1024 * 1024);
        using var response = await admin.UploadAsync(wav, "audio/wav", Unique("Long"));
        var prompt = await (await response.ExpectAsync(201)).ReadJsonAsync();
        Assert.InRange(prompt.GetProperty("durationMs").GetInt32(), 5990, 6000);
    }

    [Fact]
    public async Task AnMp3SentAsMultipart_IsDecodedTo8kHz_AndNamedByItsFormField()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var name = Unique("Mp3");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Mp3Fixture);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        form.Add(file, "file", "tone.mp3");
        form.Add(new StringContent(name), "name");
        using var response = await admin.PostAsync("/api/v1/prompts", form, Ct);
        var prompt = await (await response.ExpectAsync(201)).ReadJsonAsync();
        Assert.Equal((name, "audio/mpeg"), (prompt.GetProperty("name").GetString(), prompt.GetProperty("sourceType").GetString()));
        Assert.InRange(prompt.GetProperty("durationMs").GetInt32(), 950, 1150);

        var (audio, _, _) = await admin.DownloadWavAsync($"/api/v1/prompts/{prompt.GetProperty("id").GetGuid()}/audio");
        Assert.Equal(WavFormat.Pcm8kMono, audio.Format);
        var samples = audio.ToPcm16();
        Assert.True(Rms(samples.AsSpan(2000, 4000)) > 3000, "the decoded tone has its energy");
    }

    [Theory]
    [InlineData("audio/wav", "WAV")]
    [InlineData("audio/mpeg", "MP3")]
    public async Task ACorruptFile_Is400_WithASentenceNamingTheFormat(string contentType, string format)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var junk = new byte[4000];
        new Random(7).NextBytes(junk);
        using var response = await admin.UploadAsync(junk, contentType, Unique("Junk"));
        var problem = await (await response.ExpectAsync(400)).ReadJsonAsync();
        Assert.Contains(format, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APromptsName_LosesBidirectionalAndControlCharacters_AsAnAttachmentsDoes()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var name = Unique("Welcome");

        var prompt = await admin.CreatePromptAsync(name + "\u202Eevaw.\u2066\u200Fexe\u0007");
        using var onlyControls = await admin.UploadAsync(Wav(8000, 1, 0.5), "audio/wav", "\u202E\u2067\u200E");

        Assert.Equal(name + "evaw.exe", prompt.GetProperty("name").GetString());
        Assert.Equal(name + "evaw.exe", (await admin.JsonAsync($"/api/v1/prompts/{prompt.GetProperty("id").GetGuid()}")).GetProperty("name").GetString());
        await onlyControls.ExpectAsync(400);
    }

    [Fact]
    public async Task AWavWithoutData_AndATextBody_AreRefused()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using (var truncated = await admin.UploadAsync(Wav(8000, 1, 0.5)[..30], "audio/wav", Unique("Cut")))
        {
            await truncated.ExpectAsync(400);
        }

        using var text = await admin.UploadAsync("hello"u8.ToArray(), "text/plain", Unique("Text"));
        await text.ExpectAsync(415);
    }

    [Fact]
    public async Task APromptPlayedByAPublishedFlow_CannotBeDeleted_UntilTheFlowIsGone()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var prompt = (await admin.CreatePromptAsync(Unique("InUse"))).GetProperty("id").GetGuid();
        var flow = (await admin.CreateFlowAsync($$"""
            { "name": "{{Unique("Plays")}}", "voice": "en-us", "blocks": [
              { "type": "start", "id": "start", "next": "hello" },
              { "type": "play", "id": "hello", "prompt": { "promptId": "{{prompt}}" }, "next": "queue" },
              { "type": "transferToQueue", "id": "queue", "queue": "Sales" } ] }
            """)).GetProperty("id").GetGuid();
        Assert.Equal(200, (await admin.PublishAsync(flow)).Status);

        using (var refused = await admin.DeleteAsync($"/api/v1/prompts/{prompt}", Ct))
        {
            var problem = await (await refused.ExpectAsync(409)).ReadJsonAsync();
            Assert.Contains("published flow", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await (await admin.DeleteAsync($"/api/v1/flows/{flow}", Ct)).ExpectAsync(204);
        await (await admin.DeleteAsync($"/api/v1/prompts/{prompt}", Ct)).ExpectAsync(204);
        await admin.JsonAsync($"/api/v1/prompts/{prompt}", 404);
        var tenantId = await factory.DemoTenantIdAsync();
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "tenants", tenantId.ToString(), "prompts", $"{prompt}.wav")));
    }

    [Fact]
    public async Task AFlowNamingAPromptTheTenantDoesNotHave_GetsAValidationErrorAtThePromptId()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var flow = await admin.CreateFlowAsync($$"""
            { "name": "{{Unique("Missing")}}", "blocks": [
              { "type": "start", "id": "start", "next": "hello" },
              { "type": "play", "id": "hello", "prompt": { "promptId": "{{Guid.NewGuid()}}" }, "next": "queue" },
              { "type": "transferToQueue", "id": "queue", "queue": "Sales" } ] }
            """);
        Assert.Equal(["/blocks/1/prompt/promptId"], flow.GetProperty("validation").GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task AQueuesMusicOnHoldPrompt_CannotBeDeleted()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var prompt = (await admin.CreatePromptAsync(Unique("Hold"))).GetProperty("id").GetGuid();
        await admin.PostJsonAsync("/api/v1/queues", new { name = Unique("HoldQ"), channels = new[] { "Voice" }, musicOnHold = prompt }, 201);
        using var refused = await admin.DeleteAsync($"/api/v1/prompts/{prompt}", Ct);
        var problem = await (await refused.ExpectAsync(409)).ReadJsonAsync();
        Assert.Contains("music on hold", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
