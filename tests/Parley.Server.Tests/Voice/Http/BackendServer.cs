using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Parley.Server.Tests.Voice.Http;

/// <summary>
/// An enterprise backend on loopback (real Kestrel, ephemeral port): <c>/customers/{id}</c> answers JSON,
/// <c>/big</c> 100 KiB, <c>/hang</c> never answers (until the test ends).
/// </summary>
internal sealed class BackendServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _hits;

    private BackendServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public int Port => new Uri(BaseUrl).Port;

    public int Hits => Volatile.Read(ref _hits);

    public static async Task<BackendServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new BackendServer(app);
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref server._hits);
            return next(context);
        });
        app.MapGet("/customers/{id}", (string id) => Results.Json(new { id, tier = "gold", balance = new { amount = 12.5 } }));
        app.MapGet("/big", () => Results.Text(new string('x', 100 * 1024)));
        app.MapGet("/hang", async (HttpContext context) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
            return Results.Ok();
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
