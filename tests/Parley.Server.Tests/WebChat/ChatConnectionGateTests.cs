using Parley.Server.WebChat;

namespace Parley.Server.Tests.WebChat;

public sealed class ChatConnectionGateTests
{
    private static readonly Guid TenantA = Guid.NewGuid();
    private static readonly Guid TenantB = Guid.NewGuid();

    [Fact]
    public void The_node_limit_counts_every_tenants_sockets()
    {
        var gate = new ChatConnectionGate(maxConnections: 3, maxPerTenant: 10);

        Assert.Equal([true, true, true, false, false], new[] { gate.TryAdmit(TenantA), gate.TryAdmit(TenantB), gate.TryAdmit(TenantA), gate.TryAdmit(TenantB), gate.TryAdmit(TenantA) });
        Assert.Equal((3, 2, 1), (gate.Connections, gate.Of(TenantA), gate.Of(TenantB)));
    }

    [Fact]
    public void A_full_tenant_is_refused_while_another_tenant_still_gets_in()
    {
        var gate = new ChatConnectionGate(maxConnections: 10, maxPerTenant: 2);
        gate.TryAdmit(TenantA);
        gate.TryAdmit(TenantA);

        Assert.False(gate.TryAdmit(TenantA));
        Assert.True(gate.TryAdmit(TenantB));
        Assert.Equal((3, 2), (gate.Connections, gate.Of(TenantA)));
    }

    [Fact]
    public void A_released_socket_makes_room_for_the_next()
    {
        var gate = new ChatConnectionGate(maxConnections: 1, maxPerTenant: 1);
        Assert.True(gate.TryAdmit(TenantA));
        Assert.False(gate.TryAdmit(TenantA));

        gate.Release(TenantA);

        Assert.True(gate.TryAdmit(TenantA));
        Assert.Equal(1, gate.Connections);
    }
}
