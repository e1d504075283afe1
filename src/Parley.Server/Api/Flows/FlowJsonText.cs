using System.Text.Json;

namespace Parley.Server.Api.Flows;

/// <summary>Stored flow text back to JSON for answers (stored text was well-formed JSON when saved).</summary>
internal static class FlowJsonText
{
    public static JsonElement ToElement(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
