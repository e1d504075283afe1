using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Data.Entities;

namespace Parley.Server.Tests.Support;

/// <summary>The demo server with its logs captured and its password checks counted.</summary>
public sealed class GuessingAppFactory : ParleyAppFactory
{
    public CapturedLogs Logs { get; } = new();

    public PasswordChecks Checks { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddSingleton(Checks);
            services.AddScoped<IPasswordHasher<ParleyUser>, CountingPasswordHasher>();
        });
    }
}
