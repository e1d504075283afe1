using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parley.Cluster.Routing.Ports;
using Parley.Data;

namespace Parley.Server.Tests.Acd;

/// <summary>
/// The ACD server on a data directory that outlives it (a restart is a new factory on the same directory), with a
/// fault that can be armed between the state and history writes, and optionally an event port that drops
/// everything (the process "dies" after each reply, before any in-memory fan-out).
/// </summary>
public sealed class DurabilityAppFactory(string directory, bool dropLiveEvents = false) : AcdAppFactory
{
    public HistoryFaultInterceptor Fault { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [.. base.ExtraSettings, new("Parley:DataDirectory", directory)];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<ParleyDbContext>(options => options.AddInterceptors(Fault));
            if (dropLiveEvents)
            {
                services.RemoveAll<IRoutingEventPublisher>();
                services.AddSingleton<IRoutingEventPublisher, DroppedLiveEvents>();
            }
        });
    }
}
