using Microsoft.Extensions.Options;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Extensions;

public sealed class OptionsValidationTests
{
    [Fact]
    public async Task AnOutOfRangeSetting_StopsStartUp_NamingTheSetting()
    {
        await using var factory = new InvalidOptionsAppFactory();
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.True(validation is not null, $"expected an options validation error, got {error}");
        Assert.Contains("PerIpBurst", validation.Message, StringComparison.Ordinal);
    }
}
