using Parley.Server.Web.Workspace;

namespace Parley.Web.Tests.Workspace;

public sealed class CircuitConnectionTests
{
    [Fact]
    public async Task Only_a_connection_coming_back_asks_pages_to_re_read_their_state()
    {
        var connection = new CircuitConnection();
        var rereads = 0;
        connection.Reconnected += () =>
        {
            rereads++;
            return Task.CompletedTask;
        };

        await connection.OnConnectionUpAsync(null!, TestContext.Current.CancellationToken);
        Assert.Equal(0, rereads);

        await connection.OnConnectionDownAsync(null!, TestContext.Current.CancellationToken);
        await connection.OnConnectionUpAsync(null!, TestContext.Current.CancellationToken);
        Assert.Equal(1, rereads);
    }
}
