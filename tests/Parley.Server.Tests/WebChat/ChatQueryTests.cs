using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Parley.Server.WebChat;

namespace Parley.Server.Tests.WebChat;

public sealed class ChatQueryTests
{
    [Theory]
    [InlineData("?token=abc&after=12", "token", "abc")]
    [InlineData("?token=abc&after=12", "after", "12")]
    [InlineData("?after=12", "token", null)]
    [InlineData("", "token", null)]
    [InlineData("?token=a%2Bb%3D%3D&full=1", "token", "a+b==")]
    [InlineData("?token=a+b", "token", "a b")]
    [InlineData("?token=&after=1", "token", "")]
    [InlineData("?to%6Ben=abc", "token", "abc")]
    [InlineData("?token=one&token=two", "token", "one,two")]
    [InlineData("?Token=abc", "token", "abc")]
    public void Value_ReadsAParameter_AsRequestQueryWould(string query, string name, string? expected)
    {
        var http = new DefaultHttpContext();
        http.Request.QueryString = new QueryString(query);
        var viaQuery = new DefaultHttpContext();
        viaQuery.Request.QueryString = new QueryString(query);

        Assert.Equal(expected, ChatQuery.Value(http.Request, name));
        Assert.Equal((string?)viaQuery.Request.Query[name], ChatQuery.Value(http.Request, name));
    }

    [Fact]
    public void Value_LeavesTheRequestWithoutAParsedQuery_SoAnIdleSocketKeepsNoCopyOfItsToken()
    {
        var http = new DefaultHttpContext();
        http.Request.QueryString = new QueryString("?token=abc&after=3&full=1");

        Assert.Equal("abc", ChatQuery.Value(http.Request, "token"));
        Assert.Equal("3", ChatQuery.Value(http.Request, "after"));
        Assert.Null(http.Features.Get<IQueryFeature>());
    }
}
