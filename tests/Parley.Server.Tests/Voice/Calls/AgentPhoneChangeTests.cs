using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Routing;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Sip;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// An agent's workspace learns the moment their phone registers or unregisters (<c>agent.phone-changed</c> to their
/// workspace circuits), so "Phone: not registered" turns to "registered" without the agent doing anything.
/// </summary>
public sealed class AgentPhoneChangeTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhenAnAgentsPhoneRegistersAndUnregisters_TheirWorkspaceIsTold_AndAnotherAgentsIsNot()
    {
        await using var softphone = TestPhone.Start("agent2", rtpBase: 54800);
        await factory.SetDemoAgentPhoneAsync("agent2", null, await SipCredentialIdAsync("agent2"));
        var tenantId = await factory.DemoTenantIdAsync();
        var heard = Channel.CreateUnbounded<string>();
        var subscriptions = factory.Services.GetRequiredService<AgentEventSubscriptions>();
        using var agent2 = subscriptions.Subscribe(tenantId, await AgentIdAsync(tenantId, "agent2"), Heard("agent2"));
        using var agent1 = subscriptions.Subscribe(tenantId, await AgentIdAsync(tenantId, "agent1"), Heard("agent1"));

        using var api = await factory.SignInDemoAsync("agent2");
        Assert.False((await api.GetJsonAsync("/api/v1/agents/me/phone")).GetProperty("ready").GetBoolean());

        await SipDigestRegistration.RegisterAsync(factory.SipPort, "agent2", "demo.sip.parley", ParleyAppFactory.DemoSipPassword, 300, Ct, softphone.Uri);
        Assert.Equal("agent2 agent.phone-changed", await heard.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct));
        var phone = await api.GetJsonAsync("/api/v1/agents/me/phone");
        Assert.True(phone.GetProperty("ready").GetBoolean(), phone.ToString());

        await SipDigestRegistration.RegisterAsync(factory.SipPort, "agent2", "demo.sip.parley", ParleyAppFactory.DemoSipPassword, 0, Ct, softphone.Uri);
        Assert.Equal("agent2 agent.phone-changed", await heard.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct));
        await Task.Delay(300, Ct);
        Assert.False(heard.Reader.TryRead(out var other), $"nothing else was told, but heard '{other}'");

        Func<IReadOnlyList<RoutingEventMessage>, Task> Heard(string who) => events =>
        {
            foreach (var e in events.Where(e => e.Type == "agent.phone-changed"))
            {
                heard.Writer.TryWrite($"{who} {e.Type}");
            }

            return Task.CompletedTask;
        };
    }

    private async Task<string> AgentIdAsync(Guid tenantId, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Parley.Data.ParleyDbContext>();
        var userId = await db.Users.IgnoreQueryFilters().Where(u => u.TenantId == tenantId && u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
        return (await db.Agents.IgnoreQueryFilters().SingleAsync(a => a.TenantId == tenantId && a.UserId == userId, Ct)).Id.ToString();
    }

    private async Task<Guid> SipCredentialIdAsync(string userName)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        return await admin.IdByAsync("/api/v1/sip-credentials", "sipUserName", userName);
    }
}
