using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Server.Tests.Acd;
using Parley.Server.Voice.Records;
using Parley.Voice.Nodes;
using Parley.Voice.Records;

namespace Parley.Server.Tests.Voice.Records;

/// <summary>
/// The demo server with a <see cref="CallRecordGate"/> on its database; optionally on a data directory that outlives it
/// (a restart is a new factory on the same directory).
/// </summary>
public class CallRecordsAppFactory : AcdAppFactory
{
    /// <summary>A data directory that outlives the server, or null for the factory's own temporary one.</summary>
    protected virtual string? SharedDirectory => null;

    public CallRecordGate Gate { get; } = new();

    public ICallRecordStore Store => Services.GetRequiredService<ICallRecordStore>();

    internal EfCallRecordStore EfStore => Services.GetRequiredService<EfCallRecordStore>();

    public string NodeId => Services.GetRequiredService<IVoiceNode>().Id;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        SharedDirectory is null ? base.ExtraSettings : [.. base.ExtraSettings, new("Parley:DataDirectory", SharedDirectory)];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<ParleyDbContext>(options => options.AddInterceptors(Gate)));
    }
}
