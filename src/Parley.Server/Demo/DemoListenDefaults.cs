using Microsoft.Extensions.Configuration.Memory;

namespace Parley.Server.Demo;

/// <summary>
/// Demo mode's SIP and RTP listen on loopback, as its HTTP does (Kestrel's <c>localhost</c> default): the demo's users
/// have generated SIP passwords printed in a file beside it, and a softphone on the same machine reaches it there.
/// These are the lowest-priority settings, so any explicit <c>Parley:Sip:Address</c> or <c>Parley:Media:BindAddress</c>
/// (appsettings, environment, command line) wins; outside demo mode nothing changes.
/// </summary>
public static class DemoListenDefaults
{
    public const string Loopback = "127.0.0.1";

    public static void Apply(IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetValue<bool>("Parley:Demo:Enabled"))
        {
            return;
        }

        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Parley:Sip:Address"] = Loopback,
                ["Parley:Media:BindAddress"] = Loopback,
            },
        });
    }
}
