using Microsoft.Extensions.Logging;

namespace Parley.Cluster.Hosting;

/// <summary>Creates Orleans' tables at the very start of the silo's lifecycle, before membership reads them.</summary>
internal sealed class OrleansSchemaStartup(AdoNetClusterSettings settings, ILogger<OrleansSchemaStartup> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OrleansSchemaStartup), ServiceLifecycleStage.First, ct => OrleansSchema.EnsureCreatedAsync(settings.ConnectionString, logger, ct));
}
