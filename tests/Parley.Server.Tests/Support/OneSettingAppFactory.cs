namespace Parley.Server.Tests.Support;

/// <summary>A server with one setting on top of the defaults, for start-up checks of a single configuration key.</summary>
public sealed class OneSettingAppFactory(string key, string value) : ParleyAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new(key, value)];
}
