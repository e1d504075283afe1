using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>The plan's concurrent-chat cap: the web chat start reads it; open chats are never ended by it.</summary>
public sealed class ChatPlanCapTests(WebChatAppFactory server) : IClassFixture<WebChatAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AtThePlansChatCap_ANewChatIsRefusedWith503NamingTheLimit_AndTheOpenChatGoesOn()
    {
        var (first, _) = await server.StartChatAsync("Ada");
        var open = await OpenChatsAsync();
        await SetPlanAsync(new { maxConcurrentChats = open });
        try
        {
            using var client = server.Anonymous();
            using var refused = await client.PostAsJsonAsync($"/webchat/{WebChatClient.DemoKey}/chats", new { preChat = new { name = "Grace" } }, Ct);
            var problem = await (await refused.ExpectAsync(503)).ReadJsonAsync();
            Assert.Equal("chats.concurrent", problem.GetProperty("limit").GetString());
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal(open, await OpenChatsAsync());
            Assert.True(await IsOpenAsync(first));

            await SetPlanAsync(new { maxConcurrentChats = open + 1 });
            await server.StartChatAsync("Grace");
        }
        finally
        {
            await SetPlanAsync(new { });
        }
    }

    private async Task<int> OpenChatsAsync()
    {
        var tenant = await server.DemoTenantIdAsync();
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        return await db.ChatConversations.IgnoreQueryFilters().CountAsync(c => c.TenantId == tenant && c.EndedAt == null, Ct);
    }

    private async Task<bool> IsOpenAsync(Guid chatId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        return await db.ChatConversations.IgnoreQueryFilters().AnyAsync(c => c.Id == chatId && c.EndedAt == null, Ct);
    }

    private async Task SetPlanAsync(object plan)
    {
        using var platform = await server.SignInOperatorAsync();
        using var set = await platform.PutJsonAsync($"/api/v1/platform/tenants/{await server.DemoTenantIdAsync()}/plan", plan, "*");
        await set.ExpectAsync(200);
    }
}
