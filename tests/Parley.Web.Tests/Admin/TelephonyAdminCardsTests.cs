using Bunit;
using Parley.Domain.Security;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>The phone number, trunk and schedule cards on <c>/admin</c> follow the permissions, and so does the application layer behind them.</summary>
public sealed class TelephonyAdminCardsTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public void A_user_without_the_permissions_sees_no_numbers_trunks_or_schedules_cards()
    {
        _bunit.AuthorizeAs(Guid.NewGuid(), "u", "Queue keeper", Permissions.QueuesRead, Permissions.AgentsRead);

        var home = _bunit.Render<AdminHome>();

        var cards = home.FindAll("a.parley-admin-card").Select(a => a.GetAttribute("href") ?? "").ToArray();
        Assert.Equal(["/admin/agents", "/admin/queues", "/admin/not-ready-reasons", "/admin/wrap-up-codes", "/admin/widgets"], cards);
    }

    [Fact]
    public void Each_permission_shows_its_own_card()
    {
        _bunit.AuthorizeAs(Guid.NewGuid(), "u", "Telephony", Permissions.NumbersRead, Permissions.FlowsRead);

        var home = _bunit.Render<AdminHome>();

        var cards = home.FindAll("a.parley-admin-card").Select(a => a.GetAttribute("href") ?? "").ToArray();
        Assert.Contains("/admin/numbers", cards);
        Assert.Contains("/admin/schedules", cards);
        Assert.DoesNotContain("/admin/trunks", cards);
    }

    [Fact]
    public async Task The_trunk_list_refuses_a_user_without_trunks_read_even_if_opened_by_address()
    {
        var actor = await _bunit.AuthorizeAsAsync(_server, "agent1");
        Assert.DoesNotContain(Permissions.TrunksRead, actor.Permissions);

        var list = _bunit.Render<TrunkList>();

        var problem = list.WaitForElement(".parley-form-problem[data-kind='Forbidden']", AdminHarness.Wait);
        Assert.Contains(Permissions.TrunksRead, problem.TextContent, StringComparison.Ordinal);
        Assert.Empty(list.FindAll(".parley-row-link"));
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
