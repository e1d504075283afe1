using Microsoft.Extensions.Configuration;
using Parley.Server.Demo;

namespace Parley.Server.Tests.Demo;

/// <summary>Demo mode keeps SIP and RTP on loopback, like its HTTP, unless told otherwise.</summary>
public sealed class DemoListenDefaultsTests
{
    [Fact]
    public void InDemoMode_SipAndMediaListenOnLoopback()
    {
        var configuration = Configuration("--Parley:Demo:Enabled=true");

        Assert.Equal("127.0.0.1", configuration["Parley:Sip:Address"]);
        Assert.Equal("127.0.0.1", configuration["Parley:Media:BindAddress"]);
    }

    [Fact]
    public void AnExplicitAddress_Wins()
    {
        var configuration = Configuration("--Parley:Demo:Enabled=true", "--Parley:Sip:Address=0.0.0.0", "--Parley:Media:BindAddress=192.0.2.7");

        Assert.Equal("0.0.0.0", configuration["Parley:Sip:Address"]);
        Assert.Equal("192.0.2.7", configuration["Parley:Media:BindAddress"]);
    }

    [Fact]
    public void OutsideDemoMode_NothingIsSet()
    {
        var configuration = Configuration();

        Assert.Null(configuration["Parley:Sip:Address"]);
        Assert.Null(configuration["Parley:Media:BindAddress"]);
    }

    private static ConfigurationManager Configuration(params string[] args)
    {
        var configuration = new ConfigurationManager();
        configuration.AddCommandLine(args);
        DemoListenDefaults.Apply(configuration);
        return configuration;
    }
}
