using System.Text.Json.Nodes;

namespace Parley.Flows.Model;

/// <summary>Asks the host to call the enterprise's backend and maps the JSON answer into variables.</summary>
public sealed class HttpRequestBlock : FlowBlock
{
    public const double MaxTimeoutSeconds = 10;

    protected override string TypeName => "httpRequest";
    /// <summary>GET, POST, PUT, PATCH or DELETE (default GET).</summary>
    public string? Method { get; init; }
    /// <summary>URL template; substituted values are URL-encoded.</summary>
    public string? Url { get; init; }
    /// <summary>JSON body; every string in it is a template whose values are inserted as text.</summary>
    public JsonNode? Body { get; init; }
    /// <summary>Seconds before the host gives up (default 5, at most 10).</summary>
    public double? TimeoutSeconds { get; init; }
    /// <summary>Variable name → JSON Pointer into the response body.</summary>
    public Dictionary<string, string>? Response { get; init; }
    public string? Next { get; init; }
    /// <summary>Where to go on a failure, a timeout or a non-2xx status; absent: <see cref="Next"/>.</summary>
    public string? OnError { get; init; }

    public override IEnumerable<FlowTransition> Transitions() => [new("next", Next), new("onError", OnError)];
}
