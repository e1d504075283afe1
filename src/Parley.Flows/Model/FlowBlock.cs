using System.Text.Json.Serialization;

namespace Parley.Flows.Model;

/// <summary>One step of a flow. The JSON field <c>type</c> names the kind; <c>id</c> is unique within the flow.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StartBlock), "start")]
[JsonDerivedType(typeof(PlayBlock), "play")]
[JsonDerivedType(typeof(MenuBlock), "menu")]
[JsonDerivedType(typeof(CollectDigitsBlock), "collectDigits")]
[JsonDerivedType(typeof(SetVariablesBlock), "setVariables")]
[JsonDerivedType(typeof(ConditionBlock), "condition")]
[JsonDerivedType(typeof(BusinessHoursBlock), "businessHours")]
[JsonDerivedType(typeof(HttpRequestBlock), "httpRequest")]
[JsonDerivedType(typeof(DistributeBlock), "distribute")]
[JsonDerivedType(typeof(SetLanguageBlock), "setLanguage")]
[JsonDerivedType(typeof(RecordBlock), "record")]
[JsonDerivedType(typeof(TransferToQueueBlock), "transferToQueue")]
[JsonDerivedType(typeof(TransferToAgentBlock), "transferToAgent")]
[JsonDerivedType(typeof(TransferToNumberBlock), "transferToNumber")]
[JsonDerivedType(typeof(OfferCallbackBlock), "offerCallback")]
[JsonDerivedType(typeof(VoicemailBlock), "voicemail")]
[JsonDerivedType(typeof(SubflowBlock), "subflow")]
[JsonDerivedType(typeof(ReturnBlock), "return")]
[JsonDerivedType(typeof(LoopBlock), "loop")]
[JsonDerivedType(typeof(HangUpBlock), "hangUp")]
public abstract class FlowBlock
{
    /// <summary>The names accepted in the <c>type</c> field.</summary>
    public static readonly IReadOnlySet<string> KnownTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "start", "play", "menu", "collectDigits", "setVariables", "condition", "businessHours", "httpRequest",
        "distribute", "setLanguage", "record", "transferToQueue", "transferToAgent", "transferToNumber", "offerCallback", "voicemail", "subflow", "return",
        "loop", "hangUp",
    };

    public string? Id { get; init; }

    /// <summary>Index of the block in the source JSON's <c>blocks</c> array (for pointers); -1 when built in code.</summary>
    [JsonIgnore]
    internal int SourceIndex { get; set; } = -1;

    /// <summary>The block's <c>type</c> name, as written in JSON.</summary>
    [JsonIgnore]
    public string Kind => TypeName;

    /// <summary>True when the block waits for the caller (a key press or words), which breaks a cycle.</summary>
    [JsonIgnore]
    public bool WaitsForCallerInput => WaitsForInput;

    protected abstract string TypeName { get; }

    protected virtual bool WaitsForInput => false;

    /// <summary>Every edge out of this block, including absent optional ones (target null).</summary>
    public virtual IEnumerable<FlowTransition> Transitions() => [];
}
