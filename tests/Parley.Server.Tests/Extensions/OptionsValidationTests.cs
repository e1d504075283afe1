using Microsoft.Extensions.Options;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Extensions;

public sealed class OptionsValidationTests
{
    [Fact]
    public async Task AnOutOfRangeSetting_StopsStartUp_NamingTheSetting()
    {
        await using var factory = new InvalidOptionsAppFactory();
        var validation = StartUpFailure(factory);
        Assert.Contains("PerIpBurst", validation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Parley:Sip:Defence:MaxMessagesPerSecond", "0")]
    [InlineData("Parley:Sip:Defence:CoolDownSeconds", "0")]
    [InlineData("Parley:Sip:Registrar:SweepBatchSize", "0")]
    [InlineData("Parley:Webhooks:RequestTimeout", "00:00:00")]
    [InlineData("Parley:Webhooks:PollInterval", "00:00:00")]
    [InlineData("Parley:Webhooks:MaxAttempts", "0")]
    [InlineData("Parley:RateLimits:PerTenantPerSecond", "0")]
    [InlineData("Parley:Tokens:AccessTokenLifetime", "00:00:01")]
    [InlineData("Parley:Tokens:RevocationRefreshInterval", "00:00:00")]
    [InlineData("Parley:Prompts:MaxUploadBytes", "1000")]
    [InlineData("Parley:Prompts:MaxDurationSeconds", "0")]
    [InlineData("Parley:Cluster:Mode", "AdoNet")]
    [InlineData("Parley:Cluster:SiloPort", "70000")]
    [InlineData("Parley:Cluster:ClusterId", "no spaces")]
    [InlineData("Parley:Cluster:ProbeTimeout", "00:00:00.500")]
    [InlineData("Parley:Cluster:DrainTimeout", "00:00:00")]
    [InlineData("Parley:Cluster:DrainTimeout", "05:00:00")]
    [InlineData("Parley:Redis", ",,,")]
    public async Task ABadNestedOrTopLevelSetting_StopsStartUp_WithAMessageNamingItsKey(string key, string value)
    {
        await using var factory = new OneSettingAppFactory(key, value);
        var validation = StartUpFailure(factory);
        Assert.Contains(key, validation.Message, StringComparison.Ordinal);
    }

    private static OptionsValidationException StartUpFailure(ParleyAppFactory factory)
    {
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.True(validation is not null, $"expected an options validation error, got {error}");
        return validation;
    }
}
