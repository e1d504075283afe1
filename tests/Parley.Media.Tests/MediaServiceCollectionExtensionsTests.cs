using Microsoft.Extensions.DependencyInjection;

namespace Parley.Media.Tests;

public sealed class MediaServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddParleyMedia_RegistersOneEngineWithTheConfiguredOptions()
    {
        var services = new ServiceCollection().AddParleyMedia(o =>
        {
            o.RtpPortMin = 30000;
            o.RtpPortMax = 30099;
            o.AdvertisedAddress = "203.0.113.7";
        });
        var provider = new DescriptorServiceProvider(services);

        await using var engine = provider.GetRequiredService<MediaEngine>();

        Assert.Single(services, d => d.ServiceType == typeof(MediaEngine) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Same(TimeProvider.System, engine.Time);
        Assert.Equal(50, engine.Ports.Capacity);
        Assert.Equal("203.0.113.7", engine.AdvertisedAddress.ToString());
    }

    [Theory]
    [InlineData("not-an-ip", 10000, 20000)]
    [InlineData("0.0.0.0", 20000, 10000)]
    public void AddParleyMedia_InvalidOptions_FailAtRegistration(string bind, int min, int max) =>
        Assert.ThrowsAny<ArgumentException>(() => new ServiceCollection().AddParleyMedia(o =>
        {
            o.BindAddress = bind;
            o.RtpPortMin = min;
            o.RtpPortMax = max;
        }));

    [Fact]
    public void AdvertisedAddress_WithoutACallToGoBy_IsLoopbackForAWildcardBind() =>
        Assert.Equal("127.0.0.1", new MediaOptions().GetAdvertisedAddress().ToString());
}
