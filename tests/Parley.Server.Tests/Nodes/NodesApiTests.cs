using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Voice.Nodes;

namespace Parley.Server.Tests.Nodes;

/// <summary><c>/api/v1/platform/nodes</c>: the platform operator's alone; listing this node; an unknown node is 404.</summary>
public sealed class NodesApiTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private string NodeId => factory.Services.GetRequiredService<IVoiceNode>().Id;

    [Fact]
    public async Task ATenantAdmin_CannotListOrDrainNodes()
    {
        using var admin = await factory.SignInDemoAsync("admin");

        await admin.JsonAsync("/api/v1/platform/nodes", 403);
        await admin.PostJsonAsync($"/api/v1/platform/nodes/{NodeId}/drain", new { }, 403);
    }

    [Fact]
    public async Task TheOperator_SeesThisNodeActive_AndDrainingAnUnknownNodeIs404()
    {
        using var platform = await factory.SignInOperatorAsync();

        var nodes = (await platform.JsonAsync("/api/v1/platform/nodes")).GetProperty("items");
        var node = Assert.Single(nodes.EnumerateArray());
        Assert.Equal((NodeId, "active", 0), (node.GetProperty("id").GetString(), node.GetProperty("status").GetString(), node.GetProperty("liveCalls").GetInt32()));
        Assert.False(string.IsNullOrEmpty(node.GetProperty("address").GetString()));
        var missing = await platform.PostJsonAsync("/api/v1/platform/nodes/no-such-node/drain", new { }, 404);
        Assert.Equal(404, missing.GetProperty("status").GetInt32());
    }
}
