using System.Net;

namespace Parley.Server.Api.Trunks;

/// <summary>Validates and canonicalises a trunk's allowed addresses: CIDR blocks or single addresses, IPv4 and IPv6.</summary>
internal static class TrunkAddresses
{
    /// <summary>The canonical blocks, or null with the first entry that is not one.</summary>
    public static (List<string>? Blocks, string? Bad) Canonicalise(IReadOnlyList<string> entries)
    {
        var blocks = new List<string>(entries.Count);
        foreach (var entry in entries)
        {
            var text = entry?.Trim() ?? string.Empty;
            if (!text.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(text, out var single))
            {
                text += single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "/32" : "/128";
            }

            var slash = text.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0 || !IPAddress.TryParse(text.AsSpan(0, slash), out var address) || !IPNetwork.TryParse(text, out var network)
                || !network.BaseAddress.Equals(address))
            {
                return (null, entry);
            }

            var canonical = network.ToString();
            if (!blocks.Contains(canonical))
            {
                blocks.Add(canonical);
            }
        }

        return (blocks, null);
    }
}
