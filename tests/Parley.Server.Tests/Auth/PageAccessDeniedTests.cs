using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Auth;

/// <summary>A signed-in browser opening a page its permissions do not include lands on a page that says so, not on a 404.</summary>
public sealed class PageAccessDeniedTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAgentOpeningTheSupervisorPage_IsSentToTheNotAllowedPage()
    {
        using var agent = await factory.SignInDemoAsync("agent1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/supervisor");
        request.Headers.TryAddWithoutValidation("Accept", "text/html");

        using var refused = await agent.SendAsync(request, Ct);

        Assert.Equal(302, (int)refused.StatusCode);
        var location = refused.Headers.Location!.OriginalString;
        Assert.StartsWith("/access-denied", new Uri(new Uri("http://localhost"), location).PathAndQuery, StringComparison.Ordinal);
        using var page = await agent.GetAsync(location, Ct);
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Contains("Your permissions do not include this page", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
