using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Application.InternalChat;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Api.InternalChat;

/// <summary><c>/api/v1/internal-chat</c>: one-to-one messages between people of a tenant, live delivery, tenant isolation.</summary>
public sealed class InternalChatApiTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    [Fact]
    public async Task AMessage_IsStored_CountedUnreadForTheRecipient_AndReadClearsTheCount()
    {
        var (first, firstId, second, secondId) = await TwoAgentsAsync();
        using (first)
        using (second)
        {
            await first.PostJsonAsync($"/api/v1/internal-chat/{secondId}/messages", new { text = "Can you take the next call? <b>thanks</b>" }, 201);

            var messages = await second.JsonAsync($"/api/v1/internal-chat/{firstId}/messages");
            var unread = UnreadFrom(await second.JsonAsync("/api/v1/internal-chat"), firstId);
            var read = await second.PostJsonAsync($"/api/v1/internal-chat/{firstId}/read", new { }, 200);
            var after = UnreadFrom(await second.JsonAsync("/api/v1/internal-chat"), firstId);

            var message = Assert.Single(messages.GetProperty("items").EnumerateArray());
            Assert.Equal("Can you take the next call? <b>thanks</b>", message.GetProperty("text").GetString());
            Assert.Equal(firstId, message.GetProperty("fromUserId").GetGuid());
            Assert.Equal(1, unread);
            Assert.Equal(1, read.GetProperty("read").GetInt32());
            Assert.Equal(0, after);
        }
    }

    [Fact]
    public async Task TheRecipientsOpenWorkspace_GetsTheMessage_BeforeTheSenderHearsItWasSent()
    {
        var (first, _, second, secondId) = await TwoAgentsAsync();
        using (first)
        using (second)
        {
            var tenantId = (await second.JsonAsync("/api/v1/me")).GetProperty("tenantId").GetGuid();
            var delivered = new List<InternalMessageView>();
            var events = factory.Services.GetRequiredService<InternalChatEvents>();
            using var subscription = events.Subscribe(tenantId, secondId, m =>
            {
                delivered.Add(m);
                return Task.CompletedTask;
            });

            var online = Assert.Single((await first.JsonAsync("/api/v1/internal-chat")).GetProperty("items").EnumerateArray(), c => c.GetProperty("userId").GetGuid() == secondId);
            await first.PostJsonAsync($"/api/v1/internal-chat/{secondId}/messages", new { text = "ping" }, 201);

            Assert.True(online.GetProperty("online").GetBoolean());
            Assert.Equal("ping", Assert.Single(delivered).Text);
        }
    }

    [Fact]
    public async Task AUserOfAnotherTenant_IsNotFound_EitherWay()
    {
        var (first, firstId, second, _) = await TwoAgentsAsync();
        second.Dispose();
        using (first)
        {
            var other = await factory.CreateOtherTenantAsync();
            using var boss = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);

            await first.PostJsonAsync($"/api/v1/internal-chat/{other.UserId}/messages", new { text = "hello over there" }, 404);
            await first.JsonAsync($"/api/v1/internal-chat/{other.UserId}/messages", 404);
            await boss.PostJsonAsync($"/api/v1/internal-chat/{firstId}/messages", new { text = "hello over here" }, 404);
            await boss.JsonAsync($"/api/v1/internal-chat/{firstId}/messages", 404);
            var colleagues = (await boss.JsonAsync("/api/v1/internal-chat")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("userId").GetGuid());
            Assert.DoesNotContain(firstId, colleagues);
        }
    }

    [Fact]
    public async Task Colleagues_ComeInPagesLikeEveryList_EachOnceInNameOrder_AndALimitOutsideOneTo200_Is400()
    {
        var (first, firstId, second, secondId) = await TwoAgentsAsync();
        using (first)
        using (second)
        {
            var walked = new List<(Guid Id, string Name)>();
            string? cursor = null;
            do
            {
                var page = await first.JsonAsync("/api/v1/internal-chat?limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
                var items = page.GetProperty("items").EnumerateArray().Select(c => (c.GetProperty("userId").GetGuid(), c.GetProperty("userName").GetString()!)).ToList();
                Assert.InRange(items.Count, 1, 2);
                walked.AddRange(items);
                cursor = page.GetProperty("nextCursor").GetString();
            }
            while (cursor is not null && walked.Count < 1000);

            Assert.Contains(walked, c => c.Id == secondId);
            Assert.DoesNotContain(walked, c => c.Id == firstId);
            Assert.Equal(walked.Select(c => c.Id).Distinct().Count(), walked.Count);
            Assert.Equal(walked.Select(c => c.Name).Order(StringComparer.Ordinal), walked.Select(c => c.Name));
            Assert.True(walked.Count > 2, "the demo tenant's people fill more than one page of two");
            await first.JsonAsync("/api/v1/internal-chat?limit=0", 400);
            await first.JsonAsync("/api/v1/internal-chat?limit=201", 400);
            await first.JsonAsync("/api/v1/internal-chat?cursor=!!!", 400);
            await first.JsonAsync($"/api/v1/internal-chat/{secondId}/messages?limit=201", 400);
        }
    }

    [Fact]
    public async Task AnEmptyOrOversizedMessage_IsRefused()
    {
        var (first, _, second, secondId) = await TwoAgentsAsync();
        using (first)
        using (second)
        {
            await first.PostJsonAsync($"/api/v1/internal-chat/{secondId}/messages", new { text = "" }, 400);
            await first.PostJsonAsync($"/api/v1/internal-chat/{secondId}/messages", new { text = new string('x', InternalChatService.MaxText + 1) }, 400);
        }
    }

    private async Task<(HttpClient First, Guid FirstId, HttpClient Second, Guid SecondId)> TwoAgentsAsync()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var a = await admin.CreateUserAsync(Names.Unique("chat-a"), "agent");
        var b = await admin.CreateUserAsync(Names.Unique("chat-b"), "agent");
        var first = await factory.SignInAsync(ParleyAppFactory.DemoTenant, a.GetProperty("userName").GetString()!, HttpClientExtensions.UserPassword);
        var second = await factory.SignInAsync(ParleyAppFactory.DemoTenant, b.GetProperty("userName").GetString()!, HttpClientExtensions.UserPassword);
        return (first, a.GetProperty("id").GetGuid(), second, b.GetProperty("id").GetGuid());
    }

    private static int UnreadFrom(JsonElement colleagues, Guid userId) =>
        colleagues.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("userId").GetGuid() == userId).GetProperty("unread").GetInt32();
}
