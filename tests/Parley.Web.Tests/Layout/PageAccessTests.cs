using System.Net;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Layout;

/// <summary>The web app's pages over HTTP: the cookie decides, and the security headers still hold.</summary>
public sealed class PageAccessTests(PageAccessTests.Server server) : IClassFixture<PageAccessTests.Server>
{
    public sealed class Server : WebAppFactory;

    [Theory]
    [InlineData("/", "%2F")]
    [InlineData("/workspace", "%2Fworkspace")]
    [InlineData("/admin/queues", "%2Fadmin%2Fqueues")]
    [InlineData("/admin/widgets", "%2Fadmin%2Fwidgets")]
    [InlineData("/admin/canned-responses", "%2Fadmin%2Fcanned-responses")]
    [InlineData("/admin/settings", "%2Fadmin%2Fsettings")]
    [InlineData("/admin/sip-accounts", "%2Fadmin%2Fsip-accounts")]
    [InlineData("/admin/platform/tenants", "%2Fadmin%2Fplatform%2Ftenants")]
    [InlineData("/admin/platform/numbers", "%2Fadmin%2Fplatform%2Fnumbers")]
    public async Task Pages_send_a_visitor_without_the_cookie_to_sign_in_and_back(string path, string returnUrl)
    {
        using var anonymous = server.CookieClient();

        using var response = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/sign-in?ReturnUrl=" + returnUrl, response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_agent_gets_the_app_shell_with_scripts_from_this_origin_only()
    {
        using var agent = await server.SignInAsync("agent1");

        using var response = await agent.GetAsync("/workspace", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("_framework/blazor.web", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_blazor_script_and_the_offer_tone_are_served()
    {
        using var anonymous = server.CookieClient();
        foreach (var path in new[] { "/_framework/blazor.web.js", "/sounds/offer.wav", "/_content/Radzen.Blazor/Radzen.Blazor.js" })
        {
            using var response = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }
    }
}
