using System.Net.Http.Json;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Application;
using Parley.Server.Application.InternalChat;
using Parley.Server.Web.Workspace;
using Parley.Web.Tests.Support;
using Radzen;

namespace Parley.Web.Tests.Workspace;

/// <summary>The internal chat panel rendered by bUnit against the real in-memory server (application layer, SQLite, live delivery).</summary>
public sealed class InternalChatPanelTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public async ValueTask InitializeAsync()
    {
        _server.StartServer();
        await Task.CompletedTask;
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddRadzenComponents();
        _bunit.Services.AddSingleton(_server.Services.GetRequiredService<ApplicationRunner>());
        _bunit.Services.AddSingleton(_server.Services.GetRequiredService<InternalChatEvents>());
    }

    [Fact]
    public async Task A_colleagues_message_arrives_live_with_an_unread_count_and_the_reply_reaches_them()
    {
        var actor = await _bunit.AuthorizeAsAsync(_server, "agent1");
        using var bob = await _server.SignInAsync("agent2");
        var panel = _bunit.Render<InternalChatPanel>(p => p.Add(c => c.Actor, actor));
        panel.WaitForAssertion(() => Assert.Contains("Bob Agent, offline", Colleague(panel, "Bob Agent").GetAttribute("aria-label")), Wait);

        using var sent = await bob.PostAsJsonAsync($"/api/v1/internal-chat/{actor.ActorId}/messages", new { text = "Can you cover <b>Sales</b>?" }, Xunit.TestContext.Current.CancellationToken);
        sent.EnsureSuccessStatusCode();

        // Pushed to this panel by the server: nothing asked for it.
        panel.WaitForAssertion(() => Assert.Equal("1", Colleague(panel, "Bob Agent").QuerySelector(".parley-unread")?.TextContent), Wait);
        panel.WaitForAssertion(() => Colleague(panel, "Bob Agent").Click(), Wait);
        panel.WaitForAssertion(() => Assert.Contains("Can you cover <b>Sales</b>?", panel.Find(".parley-message").TextContent), Wait);
        Assert.Empty(panel.FindAll(".parley-message b"));
        panel.WaitForAssertion(() => Assert.Null(Colleague(panel, "Bob Agent").QuerySelector(".parley-unread")), Wait);

        panel.WaitForAssertion(() => panel.Find("textarea").Input("Yes, on it"), Wait);
        panel.WaitForAssertion(() => panel.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Enter" }), Wait);

        panel.WaitForAssertion(() => Assert.Contains("Yes, on it", panel.FindAll(".parley-message.mine").Single().TextContent), Wait);
        var messages = await bob.JsonAsync($"/api/v1/internal-chat/{actor.ActorId}/messages");
        Assert.Equal(["Can you cover <b>Sales</b>?", "Yes, on it"], messages.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        var unreadForBob = (await bob.JsonAsync("/api/v1/internal-chat")).GetProperty("items").EnumerateArray().Single(c => c.GetProperty("userName").GetString() == "agent1");
        Assert.Equal(1, unreadForBob.GetProperty("unread").GetInt32());
        Assert.True(unreadForBob.GetProperty("online").GetBoolean());
    }

    [Fact]
    public async Task A_colleague_opening_their_workspace_shows_online()
    {
        var actor = await _bunit.AuthorizeAsAsync(_server, "agent1");
        using var bob = await _server.SignInAsync("agent2");
        var me = await bob.JsonAsync("/api/v1/me");
        var panel = _bunit.Render<InternalChatPanel>(p => p.Add(c => c.Actor, actor));
        panel.WaitForAssertion(() => Assert.Contains("offline", Colleague(panel, "Bob Agent").GetAttribute("aria-label")), Wait);

        using var bobsWorkspace = _server.Services.GetRequiredService<InternalChatEvents>().Subscribe(me.GetProperty("tenantId").GetGuid(), me.GetProperty("id").GetGuid(), _ => Task.CompletedTask);

        panel.WaitForAssertion(() => Assert.Contains("Bob Agent, online", Colleague(panel, "Bob Agent").GetAttribute("aria-label")), Wait);
    }

    private static AngleSharp.Dom.IElement Colleague(IRenderedComponent<InternalChatPanel> panel, string name) =>
        panel.FindAll("button.parley-colleague").Single(b => b.TextContent.Contains(name, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
