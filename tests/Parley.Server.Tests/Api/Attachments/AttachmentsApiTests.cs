using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Api.Attachments;

/// <summary><c>/api/v1/attachments</c>: sniffed types, per-tenant limits, safe downloads, tenant isolation and erasure.</summary>
public sealed class AttachmentsApiTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private const string Url = "/api/v1/attachments";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUploadedImage_DownloadsAsTheSameBytes_AsAnAttachmentThatBrowsersMayNotSniff()
    {
        using var agent = await factory.SignInDemoAsync("agent1");

        var created = await UploadAsync(agent, Png, "../holiday photo.png", "image/png", 201);
        using var download = await agent.GetAsync($"{Url}/{created.GetProperty("id").GetGuid()}", Ct);

        await download.ExpectAsync(200);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("image/png", download.ContentType());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("holiday photo.png", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Png)), created.GetProperty("sha256").GetString());
        Assert.Equal(Png.Length, created.GetProperty("sizeBytes").GetInt64());
    }

    [Fact]
    public async Task TheClaimedType_IsIgnored_TheBytesDecide()
    {
        using var agent = await factory.SignInDemoAsync("agent1");
        byte[] executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];
        var html = "<html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();

        await UploadAsync(agent, executable, "cat.png", "image/png", 415);
        var page = await UploadAsync(agent, html, "page.html", "text/html", 201);
        using var download = await agent.GetAsync($"{Url}/{page.GetProperty("id").GetGuid()}", Ct);

        Assert.Equal("text/plain", page.GetProperty("contentType").GetString());
        Assert.Equal("text/plain", download.ContentType());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task TheTenantsLimits_RefuseTooLargeFilesAndTypesItDoesNotAccept()
    {
        var other = await factory.CreateOtherTenantAsync("attach");
        using var boss = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
        using var current = await boss.GetAsync("/api/v1/tenant/settings", Ct);
        await current.ExpectAsync(200);
        using var set = await boss.PutJsonAsync(
            "/api/v1/tenant/settings", new { timeZone = "UTC", attachmentMaxBytes = 1024, attachmentContentTypes = new[] { "application/pdf" } }, current.Headers.ETag!.Tag);
        await set.ExpectAsync(200);
        var pdf = new byte[2048];
        "%PDF-1.7\n"u8.CopyTo(pdf);

        await UploadAsync(boss, Png, "a.png", "image/png", 415);
        await UploadAsync(boss, pdf, "big.pdf", "application/pdf", 413);
        await UploadAsync(boss, pdf[..1000], "small.pdf", "application/pdf", 201);
        using var badType = await boss.PutJsonAsync("/api/v1/tenant/settings", new { timeZone = "UTC", attachmentContentTypes = new[] { "text/html" } }, "*");
        await badType.ExpectAsync(400);
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "tenants", other.TenantId.ToString("D"), "attachments"), "*.uploading"));
    }

    [Fact]
    public async Task AFileUnderTheTenantsDefaultLimit_ButOverTheGeneralRequestLimit_IsAccepted()
    {
        using var agent = await factory.SignInDemoAsync("agent1");
        var photo = new byte[3 * 1024 * 1024]; // over the 1 MiB request limit, well under the default 10 MiB attachment limit
        Png.CopyTo(photo, 0);

        var created = await UploadAsync(agent, photo, "photo.png", "image/png", 201);

        Assert.Equal(photo.Length, created.GetProperty("sizeBytes").GetInt64());
    }

    [Fact]
    public async Task AnotherTenant_FindsNoAttachmentOfTheDemoTenant()
    {
        using var agent = await factory.SignInDemoAsync("agent1");
        var created = await UploadAsync(agent, Png, "private.png", "image/png", 201);
        var other = await factory.CreateOtherTenantAsync();
        using var boss = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);

        using var download = await boss.GetAsync($"{Url}/{created.GetProperty("id").GetGuid()}", Ct);

        await download.ExpectAsync(404);
    }

    [Fact]
    public async Task DeletingATenant_DeletesItsFiles()
    {
        var other = await factory.CreateOtherTenantAsync("erase");
        using (var boss = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword))
        {
            await UploadAsync(boss, Png, "a.png", "image/png", 201);
        }

        var folder = Path.Combine(factory.DataDirectory, "tenants", other.TenantId.ToString("D"), "attachments");
        Assert.NotEmpty(Directory.GetFiles(folder));
        using var operatorClient = await factory.SignInOperatorAsync();

        using var delete = await operatorClient.DeleteAsync($"/api/v1/platform/tenants/{other.TenantId}", Ct);

        await delete.ExpectAsync(204);
        Assert.False(Directory.Exists(folder));
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, byte[] bytes, string fileName, string claimedType, int status)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, "file", fileName);
        using var response = await client.PostAsync(Url, form, Ct);
        await response.ExpectAsync(status);
        return status == 201 ? await response.ReadJsonAsync() : default;
    }
}
