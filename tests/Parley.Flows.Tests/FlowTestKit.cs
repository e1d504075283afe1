using Microsoft.Extensions.Time.Testing;
using Parley.Flows.Execution;
using Parley.Flows.Json;
using Parley.Flows.Model;

namespace Parley.Flows.Tests;

/// <summary>Builds flows from compact JSON and runs them with a fake clock.</summary>
internal static class FlowTestKit
{
    public static readonly CallInfo Call = new("call-1", "+15551234567", "+15550100", TimeZone: "America/New_York");

    /// <summary>A flow whose blocks are the given JSON objects (single quotes become double quotes).</summary>
    public static string Flow(params string[] blocks) =>
        "{\"name\":\"test\",\"language\":\"en-US\",\"blocks\":[" + string.Join(",", blocks).Replace('\'', '"') + "]}";

    public static FlowDocument Parse(params string[] blocks) => FlowJson.ParseTrusted(Flow(blocks));

    public static FlowInterpreter Interpreter(FakeTimeProvider? time = null, IFlowRandom? random = null, int maxSteps = 1000) =>
        new(new FlowOptions { MaxSteps = maxSteps }, time ?? new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero)), random ?? FlowRandom.FromSeed(1));
}
