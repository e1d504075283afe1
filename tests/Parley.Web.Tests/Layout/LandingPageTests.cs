using Parley.Domain.Security;
using Parley.Server.Auth;
using Parley.Server.Web.Layout;

namespace Parley.Web.Tests.Layout;

public sealed class LandingPageTests
{
    [Fact]
    public void An_agent_lands_on_the_workspace() =>
        Assert.Equal("/workspace", LandingPage.For(Actor(Permissions.AgentSelf, Permissions.RealtimeRead), isAgent: true));

    [Fact]
    public void An_administrator_who_is_no_agent_lands_on_the_supervisor_dashboard_not_the_workspace() =>
        Assert.Equal("/supervisor", LandingPage.For(Actor(Permissions.AgentSelf, Permissions.RealtimeRead, Permissions.AgentsRead), isAgent: false));

    [Fact]
    public void Someone_with_admin_pages_only_lands_on_the_first_admin_page_they_may_open() =>
        Assert.Equal("/admin/queues", LandingPage.For(Actor(Permissions.QueuesRead), isAgent: false));

    [Fact]
    public void The_platform_operator_lands_on_the_tenants_page() =>
        Assert.Equal("/admin/platform/tenants", LandingPage.For(Actor(Permissions.PlatformTenantsRead, Permissions.RealtimeRead, Permissions.AgentSelf), isAgent: false));

    [Fact]
    public void Someone_whose_permissions_open_no_page_lands_nowhere() =>
        Assert.Null(LandingPage.For(Actor(Permissions.QualityReview), isAgent: false));

    private static CurrentActor Actor(params string[] permissions) =>
        new(Guid.NewGuid(), "user", Guid.NewGuid().ToString(), "someone", new HashSet<string>(permissions, StringComparer.Ordinal));
}
