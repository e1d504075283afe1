using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>
/// After a restart the visitors' sockets are gone: a visitor who comes back keeps their place, and a chat nobody comes
/// back to stops waiting in the queue after <c>Parley:WebChat:UnopenedChatTimeout</c> instead of waiting for ever.
/// </summary>
public sealed class ChatRestartTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("parley-chat-restart-").FullName;

    [Fact]
    public async Task After_a_restart_a_chat_nobody_comes_back_to_is_abandoned_and_one_whose_visitor_returns_keeps_waiting()
    {
        Guid ghost, ada;
        string adaToken;
        using (var before = new SharedDirectoryFactory(_directory))
        {
            (ghost, _) = await before.StartChatAsync("Ghost");
            (ada, adaToken) = await before.StartChatAsync("Ada");
        }

        using var after = new SharedDirectoryFactory(_directory);
        using var admin = await after.SignInDemoAsync("admin");
        await using var socket = await ChatSocket.ConnectAsync(after, WebChatClient.DemoKey, adaToken);
        await socket.ReceiveUntilAsync("hello");
        Assert.Equal("Waiting", await StatusAsync(admin, ghost));

        after.Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(20));
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (await StatusAsync(admin, ghost) != "Abandoned")
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), "The chat nobody came back to still waits.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal("Waiting", await StatusAsync(admin, ada));
        await after.EndChatAsync(adaToken);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing: the temp directory is cleaned up later.
        }

        return ValueTask.CompletedTask;
    }

    private static async Task<string?> StatusAsync(HttpClient admin, Guid id) =>
        (await admin.JsonAsync($"/api/v1/interactions/{id}")).GetProperty("status").GetString();

    /// <summary>A chat server on a data directory that outlives it, as a restarted process would see it.</summary>
    private sealed class SharedDirectoryFactory(string directory) : WebChatAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [.. base.ExtraSettings, new("Parley:DataDirectory", directory)];
    }
}
