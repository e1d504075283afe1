using System.Net;
using Parley.Server.Tests.Acd;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// A callback is acknowledged only once routing stored it: after the server restarts on the same data, the first agent
/// offered it has their phone rung and the customer is called back, as if nothing had happened.
/// </summary>
public sealed class CallbackRestartTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("parley-callback-restart-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACallbackAcknowledgedBeforeARestart_IsOfferedAfterIt_AndTheCustomerIsCalledBack()
    {
        await using var customer = TestPhone.Start("+15557654321", IPAddress.Parse("127.0.0.71"), rtpBase: 47600);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.72"), rtpBase: 48000);
        await using var agentPhone = TestPhone.Start("desk2", IPAddress.Parse("127.0.0.73"), rtpBase: 48400);
        await using (var before = new SharedDirectoryFactory(_directory))
        {
            using var admin = await before.SignInDemoAsync("admin");
            await admin.PostJsonAsync("/api/v1/trunks", new
            {
                name = "Carrier out", outboundHost = customer.Address.ToString(), outboundPort = customer.Stack.Listeners[0].EndPoint.Port,
            }, 201);
            var flow = await Parley.Server.Tests.Flows.FlowsApi.CreateFlowAsync(admin, """
                {
                  "name": "Call me back",
                  "blocks": [
                    { "type": "start", "id": "start", "next": "cb" },
                    { "type": "offerCallback", "id": "cb", "queue": "Support", "onFailure": "bye" },
                    { "type": "hangUp", "id": "bye" }
                  ]
                }
                """);
            var flowId = flow.GetProperty("id").GetGuid();
            Assert.Equal(200, (await Parley.Server.Tests.Flows.FlowsApi.PublishAsync(admin, flowId)).Status);
            var number = await before.DemoNumberAsync("Flow", flowId, "127.0.0.72");

            var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{before.SipPort}", Ct);
            await EndedAsync(call, before);
            Assert.Single((await admin.JsonAsync("/api/v1/callbacks")).GetProperty("items").EnumerateArray());
        }

        await using var after = new SharedDirectoryFactory(_directory);
        await after.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        using var agent = await after.SignInToRoutingAsync("agent2");
        var mine = await agentPhone.NextIncomingAsync();
        Assert.Equal("Callback: +15557654321", mine.FromDisplayName);
        var back = await customer.NextIncomingAsync();
        await back.HangUpAsync();
        await mine.Ended.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Contains(after.Logs.WithEventId(5230), l => l.Message.StartsWith("Listening again for 1 waiting callback", StringComparison.Ordinal));
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    /// <summary>The first call of a fresh server (routing activates, the flow loads) may take a while on a loaded machine.</summary>
    private static async Task EndedAsync(PhoneCall call, VoiceCallAppFactory server)
    {
        try
        {
            await call.Ended.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The caller's call did not end after the flow offered the callback." + server.Logs.Tail());
        }
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

    /// <summary>A voice server on a data directory that outlives it, as a restarted process would see it.</summary>
    private sealed class SharedDirectoryFactory(string directory) : VoiceCallAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [.. base.ExtraSettings, new("Parley:DataDirectory", directory)];
    }
}
