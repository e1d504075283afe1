using System.Net.Http.Headers;
using System.Text.Json;
using Parley.Server.Tests.Support;
using static Parley.Server.Tests.Flows.FlowsApi;
using static Parley.Server.Tests.Prompts.PromptAudio;

namespace Parley.Server.Tests.Tenants;

/// <summary>The plan's storage: prompts and chat attachments together, by the sizes Parley stored; the upload past it is a 409 naming the limit.</summary>
public sealed class TenantStorageTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PromptsAndAttachments_FillThePlansStorageTogether_AndTheUploadPastIt_Is409NamingTheLimit()
    {
        var tenant = await factory.CreateOtherTenantAsync("storage");
        using (var platform = await factory.SignInOperatorAsync())
        using (var set = await platform.PutJsonAsync($"/api/v1/platform/tenants/{tenant.TenantId}/plan", new { maxStorageMegabytes = 1 }, "*"))
        {
            Assert.Equal(1, (await (await set.ExpectAsync(200)).ReadJsonAsync()).GetProperty("maxStorageMegabytes").GetInt32());
        }

        using var admin = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);
        await admin.CreatePromptAsync(Unique("Long"), Wav(8000, 1, 40.0)); // 640 kB of the 1,024 kB
        await UploadAttachmentAsync(admin, Pdf(300 * 1024), 201);

        using var prompt = await admin.UploadAsync(Wav(8000, 1, 10.0), "audio/wav", Unique("Over"));
        var promptRefusal = await (await prompt.ExpectAsync(409)).ReadJsonAsync();
        var attachmentRefusal = await UploadAttachmentAsync(admin, Pdf(200 * 1024), 409);
        await UploadAttachmentAsync(admin, Pdf(1024), 201);

        Assert.All([promptRefusal, attachmentRefusal], refusal => Assert.Equal("storage", refusal.GetProperty("limit").GetString()));
        Assert.Contains("storage is full", promptRefusal.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "tenants", tenant.TenantId.ToString("D"), "attachments"), "*.uploading"));
    }

    private static byte[] Pdf(int size)
    {
        var pdf = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        return pdf;
    }

    private static async Task<JsonElement> UploadAttachmentAsync(HttpClient client, byte[] bytes, int status)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "notes.pdf");
        using var response = await client.PostAsync("/api/v1/attachments", form, Ct);
        return await (await response.ExpectAsync(status)).ReadJsonAsync();
    }
}
