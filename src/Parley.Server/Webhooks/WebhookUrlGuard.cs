using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Parley.Server.Webhooks;

/// <summary>
/// Refuses webhook targets on loopback, private, link-local, carrier-grade NAT, multicast and unspecified
/// addresses (server-side request forgery), both when a subscription is made and at every connection.
/// </summary>
public sealed class WebhookUrlGuard(IOptions<WebhookOptions> options)
{
    /// <summary>Null when the URL may be used; otherwise why not.</summary>
    public async Task<string?> CheckAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "The URL must be an absolute https URL.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !options.Value.AllowInsecureHttp)
        {
            return "The URL must use https.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The URL must not carry credentials.";
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return "The URL's host cannot be resolved.";
        }

        return addresses.Length == 0 ? "The URL's host cannot be resolved."
            : addresses.Any(a => !IsAllowed(a)) ? "The URL resolves to a loopback or private address."
            : null;
    }

    public bool IsAllowed(IPAddress address) => options.Value.AllowPrivateTargets || IsPublic(address);

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168));
        }

        var v6 = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (v6[0] & 0xFE) == 0xFC);
    }
}
