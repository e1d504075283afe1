using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;

namespace Parley.Server.Tests.WebChat;

/// <summary>The tenant's attachment size limit holds for visitors' uploads (its own server: the limit is changed).</summary>
public sealed class ChatAttachmentLimitTests(WebChatAppFactory server) : IClassFixture<WebChatAppFactory>
{
    [Fact]
    public async Task A_file_over_the_tenants_size_limit_is_refused_with_413_and_not_kept()
    {
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            await db.Tenants.Where(t => t.Slug == "demo").ExecuteUpdateAsync(set => set.SetProperty(t => t.AttachmentMaxBytes, 1000));
        }

        var (_, token) = await server.StartChatAsync("Ada");
        var big = new byte[2000];
        ChatFiles.Png.CopyTo(big, 0);
        using var refused = await server.VisitorUploadAsync(token, big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        using var fits = await server.VisitorUploadAsync(token, big[..900]);
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);

        await using var check = server.Services.CreateAsyncScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<ParleyDbContext>().Attachments.IgnoreQueryFilters().CountAsync(a => a.UploadedByType == "customer"));
    }
}
