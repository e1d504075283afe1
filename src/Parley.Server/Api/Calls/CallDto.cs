using System.Text.Json;
using Parley.Data.Entities.Voice;

namespace Parley.Server.Api.Calls;

/// <summary>One call record with its legs (oldest first) and the IVR flow's path as recorded (null without a flow).</summary>
public sealed record CallDto : CallSummaryDto
{
    private CallDto(CallSummaryDto call, IReadOnlyList<CallLegDto> legs, JsonElement? flowPath)
        : base(call)
    {
        Legs = legs;
        FlowPath = flowPath;
    }

    public IReadOnlyList<CallLegDto> Legs { get; init; }

    public JsonElement? FlowPath { get; init; }

    public static CallDto From(CallRecordRow call, IEnumerable<CallLegRow> legs) =>
        new(CallSummaryDto.From(call), legs.Select(CallLegDto.From).ToList(), ParsePath(call.FlowPathJson));

    private static JsonElement? ParsePath(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
