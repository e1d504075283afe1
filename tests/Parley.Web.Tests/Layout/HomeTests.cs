using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Parley.Domain.Security;
using Parley.Server.Web.Pages;
using Parley.Web.Tests.Support;
using Radzen;

namespace Parley.Web.Tests.Layout;

public sealed class HomeTests : BunitContext
{
    public HomeTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
    }

    [Fact]
    public void Someone_whose_permissions_open_no_page_is_told_so_and_stays()
    {
        this.AuthorizeAs(Guid.NewGuid(), Guid.NewGuid().ToString(), "reviewer", Permissions.QualityReview);

        var home = Render<Home>();

        Assert.Contains("do not open any page", home.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("/workspace", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }
}
