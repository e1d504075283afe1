using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json;
using Parley.Server.Demo;
using Parley.Server.Options;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Demo;

/// <summary>No password printed in docs or code works on a demo server: its secrets are generated per data directory.</summary>
public sealed class DemoSecretsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task ADemoServerLeftToItself_GeneratesItsSecrets_AndNoDocumentedOneWorks()
    {
        await using var factory = new ConfiguredAppFactory([], setsDemoSecrets: false);
        using var anonymous = factory.CreateAnonymousClient();
        (await anonymous.GetAsync("/health/ready", Ct)).Dispose();

        var path = Path.Combine(factory.DataDirectory, DemoSecretsFile.FileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var secrets = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(path, Ct))!;

        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(factory, ParleyAppFactory.DemoTenant, "admin", DocumentedSecrets.AdminPassword));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(factory, ParleyAppFactory.PlatformTenant, "operator", DocumentedSecrets.OperatorPassword));
        using (var refused = await factory.RequestTokenAsync(ParleyAppFactory.DemoApiClientId, DocumentedSecrets.ApiClientSecret))
        {
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, await SignInAsync(factory, ParleyAppFactory.DemoTenant, "admin", secrets["AdminPassword"]));
        Assert.Equal(HttpStatusCode.NoContent, await SignInAsync(factory, ParleyAppFactory.DemoTenant, "agent2", secrets["AgentPassword"]));
        Assert.Equal(HttpStatusCode.NoContent, await SignInAsync(factory, ParleyAppFactory.PlatformTenant, "operator", secrets["OperatorPassword"]));
        Assert.NotEmpty(await factory.GetTokenAsync(ParleyAppFactory.DemoApiClientId, secrets["ApiClientSecret"]));
    }

    [Fact]
    public void TheSecretsFile_KeepsItsSecretsAcrossStarts_AndConfiguredSecretsWin()
    {
        var directory = Directory.CreateTempSubdirectory("parley-demo-secrets-").FullName;
        try
        {
            var first = DemoSecretsFile.Resolve(directory, new DemoOptions(), new PlatformOptions());
            var again = DemoSecretsFile.Resolve(directory, new DemoOptions(), new PlatformOptions());
            var configured = DemoSecretsFile.Resolve(directory, new DemoOptions { SipPassword = "Own-Sip-Secret-1" }, new PlatformOptions { OperatorPassword = "Own-Operator-Secret-1" });

            Assert.Equal(first, again);
            Assert.Equal(("Own-Sip-Secret-1", "Own-Operator-Secret-1", first.AdminPassword), (configured.SipPassword, configured.OperatorPassword, configured.AdminPassword));
            string[] all = [first.AdminPassword, first.SupervisorPassword, first.AgentPassword, first.ApiClientSecret, first.SipPassword, first.OperatorPassword];
            Assert.Equal(all.Length, all.Distinct().Count());
            Assert.DoesNotContain(all, DocumentedSecrets.Contains);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void ASecretsFileFoundReadableByOthers_IsMadeOwnerOnlyAgain()
    {
        var directory = Directory.CreateTempSubdirectory("parley-demo-secrets-").FullName;
        try
        {
            var first = DemoSecretsFile.Resolve(directory, new DemoOptions(), new PlatformOptions());
            var path = Path.Combine(directory, DemoSecretsFile.FileName);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            Assert.Equal(first, DemoSecretsFile.Resolve(directory, new DemoOptions(), new PlatformOptions()));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void TheBanner_PrintsTheSecretsInUse_AndWhereTheyAreKept()
    {
        var secrets = new DemoCredentials("A-secret-1", "S-secret-1", "G-secret-1", "api-secret-1", "sip-secret-1", "O-secret-1", "/var/lib/parley/demo-secrets.json");

        var text = DemoBanner.Render("http://127.0.0.1:5080", secrets, "operator", ["UDP 0.0.0.0:5060"], "demo.sip.parley", new HttpOptions());

        foreach (var expected in new[] { "admin / A-secret-1", "operator / O-secret-1", "agent1@demo.sip.parley / sip-secret-1", "client_secret=api-secret-1", "/var/lib/parley/demo-secrets.json" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(DocumentedSecrets.All, s => text.Contains(s, StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode> SignInAsync(ParleyAppFactory factory, string tenant, string userName, string password)
    {
        using var client = factory.CreateCookieClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenant, userName, password }, Ct);
        return response.StatusCode;
    }
}
