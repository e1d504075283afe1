namespace Parley.Sip.Stack;

/// <summary>Optional parts of an outbound INVITE.</summary>
public sealed class SipInviteOptions
{
    /// <summary>From URI; defaults to sip:parley@{local host}.</summary>
    public string? From { get; set; }

    public string? FromDisplayName { get; set; }

    /// <summary>Digest credentials answered once to a 401/407.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Called for each provisional response (180, 183).</summary>
    public Action<int>? OnProvisional { get; set; }

    /// <summary>
    /// Route set of the request, first hop first (name-addrs of loose routers, e.g. the Path a device registered
    /// through): the INVITE carries them as Route headers and is sent to the first. Empty: straight to the target.
    /// </summary>
    public IReadOnlyList<string> Route { get; set; } = [];

    /// <summary>Extra headers, e.g. Replaces or X-headers.</summary>
    public IList<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();
}
