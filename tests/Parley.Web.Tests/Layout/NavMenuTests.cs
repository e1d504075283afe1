using Bunit;
using Parley.Domain.Security;
using Parley.Server.Web.Layout;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Layout;

/// <summary>The header's navigation by permission: the console is offered to those who administer something in it, not to plain agents.</summary>
public sealed class NavMenuTests : BunitContext
{
    [Fact]
    public void A_plain_agent_sees_the_workspace_and_no_admin_entry()
    {
        // The demo's agent1: the built-in agent role, whose queues.read and skills.read serve the workspace.
        this.AuthorizeAs(Guid.NewGuid(), Guid.NewGuid().ToString(), "agent1", [.. BuiltInRoles.ForTenant[BuiltInRoles.Agent]]);

        var menu = Render<NavMenu>();

        Assert.Equal(["Workspace"], menu.FindAll("nav a").Select(a => a.TextContent.Trim()));
    }

    [Theory]
    [InlineData(Permissions.QueuesWrite)]
    [InlineData(Permissions.AgentsRead)]
    public void An_agent_who_may_administer_a_console_page_sees_admin(string extra)
    {
        this.AuthorizeAs(Guid.NewGuid(), Guid.NewGuid().ToString(), "lead", [.. BuiltInRoles.ForTenant[BuiltInRoles.Agent], extra]);

        var menu = Render<NavMenu>();

        Assert.Equal(["Workspace", "Admin"], menu.FindAll("nav a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void A_supervisor_sees_the_console_beside_the_dashboard_and_reports()
    {
        this.AuthorizeAs(Guid.NewGuid(), Guid.NewGuid().ToString(), "supervisor", [.. BuiltInRoles.ForTenant[BuiltInRoles.Supervisor]]);

        var menu = Render<NavMenu>();

        Assert.Equal(["Supervisor", "Reports", "Admin"], menu.FindAll("nav a").Select(a => a.TextContent.Trim()));
    }
}
