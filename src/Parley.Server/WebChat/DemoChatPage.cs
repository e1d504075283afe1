using System.Net;
using Parley.Server.Demo;

namespace Parley.Server.WebChat;

/// <summary><c>/demo/chat</c> (demo mode only): a sample shop page carrying the demo tenant's widget, as a customer's site would.</summary>
internal static class DemoChatPage
{
    public const string Path = "/demo/chat";

    public static IResult Render(HttpContext http)
    {
        var script = $"/webchat/widget.js";
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Parley demo shop</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/webchat/demo.css">
            </head>
            <body>
            <header><strong>Acme Lamps</strong> <span>a sample web site for Parley's web chat</span></header>
            <main>
            <h1>Lamps that last</h1>
            <p>This page stands in for a customer's web site. The chat button in the corner is Parley's widget for tenant
            <code>demo</code>: start a chat, then answer it as <code>agent2</code> or <code>agent3</code> in the <a href="/workspace">agent workspace</a>
            (sign in to routing, go Available, accept).</p>
            <p>The page embeds the widget with one tag:</p>
            <pre>{{WebUtility.HtmlEncode($"<script src=\"{script}\" data-widget-key=\"{DemoChatSeeder.WidgetKey}\" async></script>")}}</pre>
            </main>
            <script src="{{script}}" data-widget-key="{{DemoChatSeeder.WidgetKey}}" async></script>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
