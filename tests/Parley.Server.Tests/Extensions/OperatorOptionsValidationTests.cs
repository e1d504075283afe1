using Microsoft.Extensions.Options;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Extensions;

/// <summary>Proxy and metrics settings are checked at start-up: a typo must not silently trust nobody or everybody.</summary>
public sealed class OperatorOptionsValidationTests
{
    [Theory]
    [InlineData("Parley:Http:KnownProxies:0", "10.0.0.300", "KnownProxies")]
    [InlineData("Parley:Http:KnownNetworks:0", "10.0.0.0/33", "KnownNetworks")]
    [InlineData("Parley:Metrics:ScrapeToken", "too-short", "ScrapeToken")]
    [InlineData("Parley:Metrics:ManagementPort", "70000", "ManagementPort")]
    public async Task ABadSetting_StopsStartUp_NamingIt(string key, string value, string named)
    {
        await using var factory = new ConfiguredAppFactory((key, value));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.True(validation is not null, $"expected an options validation error, got {error}");
        Assert.Contains(named, validation.Message, StringComparison.Ordinal);
    }
}
