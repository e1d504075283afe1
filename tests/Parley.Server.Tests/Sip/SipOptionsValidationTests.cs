using Microsoft.Extensions.Options;

namespace Parley.Server.Tests.Sip;

public sealed class SipOptionsValidationTests
{
    [Fact]
    public async Task UnusableSipSettings_StopStartUp_NamingTheSettings()
    {
        await using var factory = new InvalidSipOptionsAppFactory();

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.True(validation is not null, $"expected an options validation error, got {error}");
        Assert.Contains("Parley:Sip:Address", validation.Message, StringComparison.Ordinal);
        Assert.Contains("TrustedAddresses", validation.Message, StringComparison.Ordinal);
        Assert.Contains("Parley:Sip:SessionTimers", validation.Message, StringComparison.Ordinal);
    }
}
