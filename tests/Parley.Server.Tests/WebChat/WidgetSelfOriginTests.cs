using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>
/// A widget allowing <c>self</c> is usable from Parley's own origin as configured (<c>Parley:PublicUrl</c>), not from
/// whatever the Host header claims: a DNS name rebound to the server must not become "self".
/// </summary>
public sealed class WidgetSelfOriginTests(PublicUrlWebChatAppFactory server) : IClassFixture<PublicUrlWebChatAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_configured_public_origin_is_self_whatever_the_host_header_says()
    {
        using var client = server.Anonymous(origin: PublicUrlWebChatAppFactory.PublicOrigin);
        using var response = await client.GetAsync($"/webchat/{WebChatClient.DemoKey}/config", Ct);
        await response.ExpectAsync(200);
        Assert.Equal(PublicUrlWebChatAppFactory.PublicOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task A_page_whose_origin_matches_only_the_host_header_is_refused_once_a_public_url_is_set()
    {
        using var client = server.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/webchat/{WebChatClient.DemoKey}/config");
        using var response = await client.SendAsync(request, Ct);
        await response.ExpectAsync(403);
    }
}
