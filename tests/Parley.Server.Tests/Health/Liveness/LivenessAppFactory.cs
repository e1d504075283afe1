using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Health.Liveness;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Health.Liveness;

/// <summary>The demo server on its fake clock with one more main loop the test can stall.</summary>
public sealed class LivenessAppFactory : ParleyAppFactory
{
    internal StallableProbe Probe { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILivenessProbe>(Probe));
    }
}
