using System.Net.Http.Headers;
using System.Text.Json;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>Files as the widget and the agent upload them.</summary>
public static class ChatFiles
{
    /// <summary>A tiny valid PNG header (the sniffer reads magic numbers).</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    public static MultipartFormDataContent Form(byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return form;
    }

    /// <summary>The visitor's upload; the response as received.</summary>
    public static async Task<HttpResponseMessage> VisitorUploadAsync(this WebChatAppFactory server, string token, byte[] bytes, string name = "photo.png")
    {
        using var client = server.Anonymous();
        using var form = Form(bytes, name);
        return await client.PostAsync($"/webchat/{WebChatClient.DemoKey}/attachments?token={Uri.EscapeDataString(token)}", form);
    }

    public static async Task<Guid> VisitorUploadIdAsync(this WebChatAppFactory server, string token, byte[] bytes, string name = "photo.png")
    {
        using var response = await server.VisitorUploadAsync(token, bytes, name);
        return (await (await response.ExpectAsync(201)).ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static string Property(this JsonElement element, string a, string b) => element.GetProperty(a).GetProperty(b).ToString();
}
