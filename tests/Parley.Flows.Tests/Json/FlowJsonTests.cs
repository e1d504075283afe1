using System.Text.Json.Nodes;
using Parley.Flows.Json;
using Parley.Flows.Model;

namespace Parley.Flows.Tests.Json;

public sealed class FlowJsonTests
{
    /// <summary>Every block type with every field set once.</summary>
    private const string EveryBlock = """
        {
          "name": "everything", "language": "en-US", "voice": "en-us", "variables": { "greeting": "hi" },
          "blocks": [
            { "type": "start", "id": "s", "next": "p" },
            { "type": "play", "id": "p", "prompt": { "text": "Hello {call.caller}", "voice": "en-us", "language": "en-US" }, "bargeIn": true, "next": "m" },
            { "type": "menu", "id": "m", "prompt": { "promptId": "menu.wav" }, "options": [ { "digit": "1", "keywords": [ "sales", "buy" ], "next": "c" } ],
              "timeoutSeconds": 4.5, "retries": 1, "noInputPrompt": { "text": "Hello?" }, "invalidPrompt": { "text": "Sorry." }, "bargeIn": false,
              "minConfidence": 0.6, "onNoInput": "h", "onInvalid": "h" },
            { "type": "collectDigits", "id": "c", "prompt": { "text": "Account?" }, "variable": "acct", "minDigits": 4, "maxDigits": 8, "terminator": "#",
              "timeoutSeconds": 6, "interDigitTimeoutSeconds": 2, "pattern": "^[0-9]+$", "retries": 2, "noInputPrompt": { "text": "n" },
              "invalidPrompt": { "text": "i" }, "bargeIn": true, "next": "v", "onNoInput": "h", "onInvalid": "h" },
            { "type": "setVariables", "id": "v", "values": { "tier": "gold", "who": "{vars.acct}" }, "next": "if" },
            { "type": "condition", "id": "if", "cases": [ { "when": "vars.tier == 'gold'", "next": "bh" } ], "otherwise": "bh" },
            { "type": "businessHours", "id": "bh", "scheduleId": "office", "open": "r", "closed": "h", "holiday": "h" },
            { "type": "httpRequest", "id": "r", "method": "POST", "url": "https://crm.example/{vars.acct}", "body": { "a": [ 1, "x", null, { "b": true } ] },
              "timeoutSeconds": 2, "response": { "tier": "/tier" }, "next": "d", "onError": "h" },
            { "type": "distribute", "id": "d", "branches": [ { "percent": 50, "next": "lang" }, { "percent": 50, "next": "sub" } ] },
            { "type": "setLanguage", "id": "lang", "language": "zh-CN", "voice": "cmn", "next": "rec" },
            { "type": "record", "id": "rec", "recording": "off", "next": "sub" },
            { "type": "subflow", "id": "sub", "flowId": "survey", "next": "loop" },
            { "type": "loop", "id": "loop", "times": 2, "variable": "i", "body": "q", "exit": "agent" },
            { "type": "transferToQueue", "id": "q", "queue": "Support", "priority": 3, "skills": [ "{vars.tier}" ], "attributes": { "acct": "{vars.acct}" }, "onFailure": "loop" },
            { "type": "transferToAgent", "id": "agent", "agent": "agent2", "onFailure": "ext" },
            { "type": "transferToNumber", "id": "ext", "number": "+15557654321", "callerId": "{call.called}", "onFailure": "cb" },
            { "type": "offerCallback", "id": "cb", "queue": "Support", "number": "{call.caller}", "onFailure": "vm" },
            { "type": "voicemail", "id": "vm", "prompt": { "text": "Leave a message." }, "queue": "Support", "maxSeconds": 60, "next": "h", "onEmpty": "h" },
            { "type": "return", "id": "ret" },
            { "type": "hangUp", "id": "h", "reason": "done" }
          ]
        }
        """;

    [Fact]
    public void Serialize_of_deserialize_is_semantically_equal_for_every_block()
    {
        var parsed = FlowJson.Parse(EveryBlock);
        Assert.Empty(parsed.Errors);
        Assert.Equal(FlowBlock.KnownTypes.Count, parsed.Document!.Blocks!.Select(b => b.Kind).Distinct().Count());
        var written = FlowJson.Serialize(parsed.Document);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(EveryBlock), JsonNode.Parse(written)), written);
        Assert.Equal(written, FlowJson.Serialize(FlowJson.ParseTrusted(written)));
    }

    [Fact]
    public void Type_may_come_after_other_fields()
    {
        var parsed = FlowJson.Parse("""{ "blocks": [ { "id": "s", "next": "h", "type": "start" }, { "id": "h", "type": "hangUp" } ] }""");
        Assert.Empty(parsed.Errors);
        Assert.IsType<StartBlock>(parsed.Document!.Blocks![0]);
    }

    [Fact]
    public void Json_pointer_resolves_escaped_tokens()
    {
        var node = JsonNode.Parse("""{ "a/b": { "c~d": [ 10, 20 ] } }""");
        Assert.True(JsonPointer.TryResolve(node, "/a~1b/c~0d/1", out var value));
        Assert.Equal(20, (int)value!);
        Assert.False(JsonPointer.TryResolve(node, "/a~1b/missing", out _));
    }
}
