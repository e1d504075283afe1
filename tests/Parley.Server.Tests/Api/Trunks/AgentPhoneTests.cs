using System.Net.Http.Json;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Api.Trunks;

/// <summary>An agent's phone: a fixed SIP URI, or the devices registered with the agent's own SIP credential.</summary>
public sealed class AgentPhoneTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAgent_CanRingAFixedSipUri_OrTheirOwnRegisteredPhone_ButNotSomeoneElses()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var user = await admin.CreateUserAsync(Names.Unique("phone-agent"), "agent");
        var userId = user.GetProperty("id").GetGuid();
        var otherUser = await admin.CreateUserAsync(Names.Unique("phone-other"), "agent");
        var own = await admin.PostJsonAsync("/api/v1/sip-credentials", new { userId, sipUserName = Names.Unique("ph"), password = "Phone-Secret-2026" }, 201);
        var foreign = await admin.PostJsonAsync(
            "/api/v1/sip-credentials", new { userId = otherUser.GetProperty("id").GetGuid(), sipUserName = Names.Unique("ph"), password = "Phone-Secret-2026" }, 201);

        var agent = await admin.PostJsonAsync("/api/v1/agents", new { userId, phone = new { kind = "Uri", uri = "sips:2001@pbx.example.com" } }, 201);
        var id = agent.GetProperty("id").GetGuid();
        using var registered = await admin.PutJsonAsync(
            $"/api/v1/agents/{id}", new { userId, phone = new { kind = "Registered", sipCredentialId = own.GetProperty("id").GetGuid() } }, "\"1\"");
        using var someoneElses = await admin.PutJsonAsync(
            $"/api/v1/agents/{id}", new { userId, phone = new { kind = "Registered", sipCredentialId = foreign.GetProperty("id").GetGuid() } }, "\"2\"");
        using var notSip = await admin.PutJsonAsync($"/api/v1/agents/{id}", new { userId, phone = new { kind = "Uri", uri = "http://example.com/" } }, "\"2\"");
        using var mixed = await admin.PutJsonAsync($"/api/v1/agents/{id}", new { userId, phone = new { kind = "Uri" } }, "\"2\"");

        Assert.Equal(("Uri", "sips:2001@pbx.example.com"), (agent.GetProperty("phone").GetProperty("kind").GetString(), agent.GetProperty("phone").GetProperty("uri").GetString()));
        var phone = (await (await registered.ExpectAsync(200)).ReadJsonAsync()).GetProperty("phone");
        Assert.Equal(("Registered", own.GetProperty("id").GetGuid()), (phone.GetProperty("kind").GetString(), phone.GetProperty("sipCredentialId").GetGuid()));
        await someoneElses.ExpectAsync(400);
        await notSip.ExpectAsync(400);
        await mixed.ExpectAsync(400);
    }

    [Fact]
    public async Task AnAgentWithoutAPhoneSetting_HasNone()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var user = await admin.CreateUserAsync(Names.Unique("no-phone"), "agent");

        using var response = await admin.PostAsJsonAsync("/api/v1/agents", new { userId = user.GetProperty("id").GetGuid() }, Ct);

        var agent = await (await response.ExpectAsync(201)).ReadJsonAsync();
        Assert.Equal("None", agent.GetProperty("phone").GetProperty("kind").GetString());
    }
}
