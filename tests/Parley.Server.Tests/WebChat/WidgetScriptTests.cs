using System.IO.Compression;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>The widget script as served: small enough for any site, and the demo page embeds it with one tag.</summary>
public sealed class WidgetScriptTests(ParleyAppFactory server) : IClassFixture<ParleyAppFactory>
{
    [Fact]
    public async Task The_served_widget_script_is_under_30_KB_gzipped()
    {
        using var client = server.CreateAnonymousClient();
        var script = await client.GetByteArrayAsync("/webchat/widget.js", TestContext.Current.CancellationToken);
        using var gzipped = new MemoryStream();
        await using (var gzip = new GZipStream(gzipped, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            await gzip.WriteAsync(script, TestContext.Current.CancellationToken);
        }

        Assert.True(script.Length > 1000, "the script is served");
        Assert.InRange(gzipped.Length, 1, 30 * 1024);
    }

    [Fact]
    public async Task The_demo_page_embeds_the_demo_widget_with_one_script_tag()
    {
        using var client = server.CreateAnonymousClient();
        var page = await client.GetStringAsync("/demo/chat", TestContext.Current.CancellationToken);
        Assert.Contains("<script src=\"/webchat/widget.js\" data-widget-key=\"demo-chat\" async></script>", page, StringComparison.Ordinal);
    }
}
