using Microsoft.AspNetCore.Routing;
using Parley.Server.Logging;

namespace Parley.Server.Extensions;

/// <summary>
/// Builds the endpoints (a request delegate compiled for every mapped handler) in the background while the host
/// starts, instead of on the first request. The mapped data sources are put behind one
/// <see cref="CompositeEndpointDataSource"/>, which builds them once and keeps the result (and follows their change
/// tokens); routing then reads that. A first request that comes before the build is done waits for it, and a build
/// that fails is simply tried again, with the same error, by the first request.
/// </summary>
internal static class EndpointWarmUp
{
    public static WebApplication BuildEndpointsInBackground(this WebApplication app)
    {
        var sources = ((IEndpointRouteBuilder)app).DataSources;
        var endpoints = new CompositeEndpointDataSource(sources.ToList());
        sources.Clear();
        sources.Add(endpoints);

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Parley.Startup");
        var time = TimeProvider.System;
        _ = Task.Run(() =>
        {
            var started = time.GetTimestamp();
            try
            {
                Log.EndpointsBuilt(logger, endpoints.Endpoints.Count, time.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception exception)
            {
                Log.EndpointsNotBuilt(logger, exception);
            }
        });
        return app;
    }
}
