using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Interop.Tests.Support;
using Parley.Media.Audio;
using Parley.Sip.Auth;
using Parley.Sip.Registrar;

namespace Parley.Interop.Tests.Baresip;

/// <summary>baresip registers with digest auth at Parley's registrar and calls the echo test: media both ways.</summary>
public sealed class BaresipCallTests
{
    private const string Realm = "127.0.0.1";
    private const string User = "agent1";
    private const string Password = "Interop-Sip-2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Baresip_RegistersWithDigest_AndHearsItsOwnSineBackFromTheEchoTest()
    {
        Assert.True(PeerProcess.IsInstalled("baresip"), "baresip (Debian package baresip-core) is needed: eng/test.sh installs it.");
        var auth = new SipDigestAuthenticator(new SipDigestOptions { Realm = Realm }, new SingleCredentialStore(Realm, User, Password), TimeProvider.System, NullLogger.Instance);
        var registrar = new SipRegistrar(new SipRegistrarOptions(), auth, TimeProvider.System, NullLogger.Instance);
        await using var parley = new ParleyEchoHost(registrar);
        using var config = new BaresipConfig(FreePort.SipListener(), string.Create(CultureInfo.InvariantCulture, $"<sip:{User}@{Realm}:{parley.Port}>;auth_pass={Password};regint=600"));
        var echo = string.Create(CultureInfo.InvariantCulture, $"sip:echo@127.0.0.1:{parley.Port}");

        // -t bounds the run: baresip hangs up (BYE) and quits after 8 s.
        await using var baresip = PeerProcess.Start("baresip", ["-f", config.Directory, "-t", "8", "-e", "/dial " + echo]);
        var registered = await WaitForBindingAsync(registrar, $"sip:{User}@{Realm}", TimeSpan.FromSeconds(10));
        var exit = await baresip.WaitForExitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.True(registered, $"no binding after baresip's REGISTER (exit {exit}):\n{baresip.Output}");
        var received = Directory.GetFiles(config.Recordings, "*dec*.wav");
        Assert.True(received.Length > 0, $"baresip recorded no received audio:\n{baresip.Output}");
        var samples = WavReader.Read(received[0]).ToTelephonyPcm();
        Assert.True(samples.Length > 8000 * 3, $"only {samples.Length} samples of received audio in {string.Join(", ", received)}:\n{baresip.Output}");
        Assert.True(AudioAnalysis.Rms(samples) > 1000, $"received audio is silent (RMS {AudioAnalysis.Rms(samples):F0}):\n{baresip.Output}");
        Assert.InRange(AudioAnalysis.Power(samples, 440) / Math.Max(1, AudioAnalysis.Power(samples, 1000)), 10, double.MaxValue);
    }

    /// <summary>Watches the registrar (baresip removes its binding again when it quits).</summary>
    private static async Task<bool> WaitForBindingAsync(SipRegistrar registrar, string aor, TimeSpan timeout)
    {
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(timeout);
        try
        {
            while ((await registrar.LookupAsync(aor, cts.Token)).Count == 0)
            {
                await ticker.WaitForNextTickAsync(cts.Token);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
