using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Parley.Server.WebChat;

namespace Parley.Server.Tests.WebChat;

/// <summary>An open visitor socket keeps neither its request line (with the session token) nor the browser's headers.</summary>
public sealed class UpgradedRequestTests
{
    [Fact]
    public void Forget_DropsTheHeaders_TheQuery_AndTheRawTarget_ButNotTheConnection()
    {
        var http = new DefaultHttpContext();
        http.Request.Path = "/webchat/key/ws";
        http.Request.QueryString = new QueryString("?token=secret-session-token&after=3");
        http.Features.Get<IHttpRequestFeature>()!.RawTarget = "/webchat/key/ws?token=secret-session-token&after=3";
        http.Request.Headers.UserAgent = "Mozilla/5.0";
        http.Request.Headers.Cookie = "a=b";
        http.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;

        UpgradedRequest.Forget(http);

        Assert.Empty(http.Request.Headers);
        Assert.False(http.Request.QueryString.HasValue);
        Assert.Equal(string.Empty, http.Features.Get<IHttpRequestFeature>()!.RawTarget);
        Assert.Equal(System.Net.IPAddress.Loopback, http.Connection.RemoteIpAddress);
    }
}
