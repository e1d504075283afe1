using Microsoft.AspNetCore.Hosting;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Sip;

/// <summary>A server on a data directory the test owns, so a second instance on the same database is a restart.</summary>
public sealed class SharedDatabaseAppFactory(string dataDirectory) : ParleyAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Parley:DataDirectory", dataDirectory);
    }
}
