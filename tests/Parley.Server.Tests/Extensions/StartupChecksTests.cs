using Microsoft.Extensions.Configuration;
using Parley.Server.Extensions;
using Parley.Server.Options;

namespace Parley.Server.Tests.Extensions;

/// <summary>The server refuses to start in configurations that would expose plain HTTP or demo credentials.</summary>
public sealed class StartupChecksTests
{
    [Fact]
    public void PlainHttpOnLoopback_WithDemoDefaults_IsAccepted() =>
        Assert.Empty(StartupChecks.FindProblems(Configuration(("urls", "http://127.0.0.1:5080"), ("Parley:Demo:Enabled", "true"))));

    [Fact]
    public void PlainHttpOnAllInterfaces_IsRefused_NamingTheSetting()
    {
        var problem = Assert.Single(StartupChecks.FindProblems(Configuration(("urls", "http://0.0.0.0:5080"))));
        Assert.Contains("Parley:Http:AllowPlainHttpOnNonLoopback", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainHttpBehindATlsProxy_IsAcceptedWhenDeclared() =>
        Assert.Empty(StartupChecks.FindProblems(Configuration(("urls", "http://+:5080"), ("Parley:Http:AllowPlainHttpOnNonLoopback", "true"))));

    [Fact]
    public void DemoDefaultsOffLoopback_AreRefused()
    {
        var problems = StartupChecks.FindProblems(Configuration(
            ("urls", "https://0.0.0.0:5443"), ("Parley:Demo:Enabled", "true")));
        var problem = Assert.Single(problems);
        Assert.Contains("Parley:Demo", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoOffLoopback_WithOwnCredentials_IsAccepted()
    {
        // Every demo credential, including ones added later, must be replaced.
        var credentials = typeof(DemoOptions).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && p.CanWrite && (p.Name.EndsWith("Password", StringComparison.Ordinal) || p.Name.EndsWith("Secret", StringComparison.Ordinal)))
            .Select(p => ($"Parley:Demo:{p.Name}", $"Own-{p.Name}-0123456789"))
            .ToArray();
        Assert.NotEmpty(credentials);
        Assert.Empty(StartupChecks.FindProblems(Configuration(
            [("Kestrel:Endpoints:Https:Url", "https://0.0.0.0:5443"), ("Parley:Demo:Enabled", "true"), .. credentials])));
        Assert.NotEmpty(StartupChecks.FindProblems(Configuration(
            [("Kestrel:Endpoints:Https:Url", "https://0.0.0.0:5443"), ("Parley:Demo:Enabled", "true"), .. credentials[1..]])));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
