using System.Text.Json.Serialization;
using Parley.Flows.Execution;
using Parley.Flows.Model;
using Parley.Flows.Schedules;

namespace Parley.Flows.Json;

/// <summary>Source-generated System.Text.Json metadata for flows, schedules and execution state.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(FlowDocument))]
[JsonSerializable(typeof(FlowBlock))]
[JsonSerializable(typeof(BusinessSchedule))]
[JsonSerializable(typeof(FlowExecutionState))]
internal sealed partial class FlowJsonContext : JsonSerializerContext;
