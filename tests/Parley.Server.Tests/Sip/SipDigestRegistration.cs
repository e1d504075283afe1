using System.Text.RegularExpressions;
using Parley.Sip.Auth;

namespace Parley.Server.Tests.Sip;

/// <summary>A phone's REGISTER over UDP with SHA-256 digest: the challenge, then the answered request; returns the final response.</summary>
internal static partial class SipDigestRegistration
{
    public static async Task<string> RegisterAsync(int serverPort, string user, string realm, string password, int expires, CancellationToken cancellationToken, string? contact = null, string extraHeaders = "")
    {
        using var probe = new SipUdpProbe(serverPort);
        var aor = $"sip:{user}@{realm}";
        var uri = $"sip:{realm}";
        var callId = Guid.NewGuid().ToString("N");
        var expiresHeader = $"Expires: {expires}\r\nUser-Agent: Parley test phone\r\n{extraHeaders}";
        var challenge = await probe.SendAsync(probe.Request("REGISTER", uri, aor, callId, 1, expiresHeader, contact), cancellationToken);
        if (!challenge.StartsWith("SIP/2.0 401", StringComparison.Ordinal))
        {
            return challenge;
        }

        var nonce = Nonce().Match(challenge).Groups[1].Value;
        var answer = SipDigestAuthenticator.ComputeResponse("SHA-256", user, realm, password, "REGISTER", uri, nonce, "auth", "00000001", "c0ffee");
        var authorization = $"Authorization: Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{answer}\", algorithm=SHA-256, qop=auth, nc=00000001, cnonce=\"c0ffee\"\r\n";
        return await probe.SendAsync(probe.Request("REGISTER", uri, aor, callId, 2, expiresHeader + authorization, contact), cancellationToken);
    }

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex Nonce();
}
