using System.Net;
using System.Net.Sockets;

namespace Parley.Server.Net;

/// <summary>
/// Checks a URL the server will call on someone's behalf (server-side request forgery): absolute http(s), no
/// credentials, and every address its host resolves to allowed by <see cref="OutboundTargetRules"/>. The connection
/// itself must go through <see cref="GuardedConnect"/>, since DNS can answer differently later.
/// </summary>
public static class OutboundUrls
{
    /// <summary>Null when the URL may be used; otherwise why not.</summary>
    public static async Task<string?> CheckAsync(string url, OutboundTargetRules rules, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "The URL must be an absolute https URL.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !rules.AllowInsecureHttp)
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

        if (addresses.Length == 0)
        {
            return "The URL's host cannot be resolved.";
        }

        var refused = addresses.Where(a => !rules.IsAllowed(a)).Select(SpecialPurposeAddresses.FindRefusal).FirstOrDefault();
        return addresses.All(rules.IsAllowed) ? null
            : $"The URL resolves to a loopback, private or special-purpose address ({refused?.Name ?? "not public"}); only public addresses may be used.";
    }
}
