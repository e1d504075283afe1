using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>
/// A widget that names a schedule is online inside its hours only: <c>online</c> in the config follows the clock, and
/// outside the hours starting a chat is refused with the offline message (nothing is queued). Its own server: the
/// clock moves.
/// </summary>
public sealed class ChatBusinessHoursTests(WebChatAppFactory server) : IClassFixture<WebChatAppFactory>
{
    [Fact]
    public async Task The_widget_goes_offline_when_the_schedule_closes_and_refuses_new_chats()
    {
        using var admin = await server.SignInDemoAsync("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/schedules", new
        {
            name = "Chat hours",
            timeZone = "Etc/UTC",
            weekly = new[] { new { day = "Monday", open = "09:00", close = "17:00" } },
        });
        var scheduleId = (await (await created.ExpectAsync(201)).ReadJsonAsync()).GetProperty("id").GetGuid();
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            await db.ChatWidgets.IgnoreQueryFilters().Where(w => w.Key == WebChatClient.DemoKey)
                .ExecuteUpdateAsync(set => set.SetProperty(w => w.ScheduleId, scheduleId).SetProperty(w => w.OfflineMessage, "Back Monday at nine."));
        }

        server.Time.SetUtcNow(NextMonday(server.Time.GetUtcNow()).AddHours(16).AddMinutes(59)); // Monday 16:59 UTC
        using var visitor = server.Anonymous();
        Assert.True((await visitor.GetFromJsonAsync<Config>($"/webchat/{WebChatClient.DemoKey}/config"))!.Online);
        await server.StartChatAsync("Before five");

        server.Time.Advance(TimeSpan.FromMinutes(1)); // 17:00: closed
        Assert.False((await visitor.GetFromJsonAsync<Config>($"/webchat/{WebChatClient.DemoKey}/config"))!.Online);
        using var refused = await visitor.PostAsJsonAsync($"/webchat/{WebChatClient.DemoKey}/chats", new { preChat = new { name = "After five" } });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("Back Monday at nine.", (await refused.ReadJsonAsync()).GetProperty("detail").GetString());

        // A schedule a widget keeps cannot be deleted from under it.
        using var again = await server.SignInDemoAsync("admin"); // the clock moved past the first sign-in
        using var delete = await again.DeleteAsync($"/api/v1/schedules/{scheduleId}");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
    }

    private sealed record Config(bool Online);

    /// <summary>Midnight UTC of the first Monday after <paramref name="now"/>: the fake clock only moves forward.</summary>
    private static DateTimeOffset NextMonday(DateTimeOffset now)
    {
        var days = ((int)DayOfWeek.Monday - (int)now.UtcDateTime.DayOfWeek + 7) % 7;
        return new DateTimeOffset(now.UtcDateTime.Date.AddDays(days == 0 ? 7 : days), TimeSpan.Zero);
    }
}
