using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Parley.Server.Webhooks;

/// <summary>
/// <c>Parley-Signature: t=UNIX_SECONDS,v1=HEX</c> where HEX is HMAC-SHA256 over <c>"{t}.{body}"</c> with the
/// subscription's secret. Receivers recompute it and reject old timestamps to stop replays.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Parley-Signature";
    public const string DeliveryHeader = "Parley-Delivery-Id";
    public const string EventHeader = "Parley-Event";

    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Compute(secret, timestamp, body)}";
    }

    /// <summary>True when <paramref name="header"/> is a valid signature of <paramref name="body"/> with <paramref name="secret"/>.</summary>
    public static bool Verify(string secret, string header, string body)
    {
        string? timestamp = null, signature = null;
        foreach (var part in header.Split(','))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                timestamp = part[2..];
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
            {
                signature = part[3..];
            }
        }

        return timestamp is not null && signature is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
    }

    private static string Compute(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
}
