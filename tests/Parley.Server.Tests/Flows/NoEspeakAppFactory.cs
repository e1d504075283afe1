using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Flows;

/// <summary>The demo server with an espeak-ng path that does not exist, as on a machine without the package.</summary>
public sealed class NoEspeakAppFactory : ParleyAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Parley:Speech:EspeakPath", "/nonexistent/espeak-ng"),
    ];
}
