using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Parley.Server.Tests.Support;

public partial class ParleyAppFactory
{
    private static readonly ConcurrentDictionary<Guid, Guid> OtherCannedResponses = new();
    private static readonly ConcurrentDictionary<Guid, Guid> OtherAttachments = new();

    /// <summary>The tenant canned response created for <paramref name="tenantId"/> by <see cref="CreateOtherTenantAsync"/>.</summary>
    public static Guid CannedResponseOf(Guid tenantId) => OtherCannedResponses.TryGetValue(tenantId, out var id) ? id : Guid.Empty;

    /// <summary>The attachment uploaded for <paramref name="tenantId"/> by <see cref="CreateOtherTenantAsync"/>.</summary>
    public static Guid AttachmentOf(Guid tenantId) => OtherAttachments.TryGetValue(tenantId, out var id) ? id : Guid.Empty;

    /// <summary>A canned response and an attachment of tenant B, both carrying the canary.</summary>
    private static async Task CreateOtherWorkspaceObjectsAsync(HttpClient admin, Guid tenantId, string canary)
    {
        var response = await CreatedAsync(await admin.PostAsJsonAsync(
            "/api/v1/canned-responses", new { scope = "tenant", shortcut = "c" + canary[6..], title = $"Title {canary}", text = $"Text {canary}" }));
        OtherCannedResponses[tenantId] = response.GetProperty("id").GetGuid();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"Notes of {canary}"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", $"{canary}.txt");
        OtherAttachments[tenantId] = (await CreatedAsync(await admin.PostAsync("/api/v1/attachments", form))).GetProperty("id").GetGuid();
    }
}
