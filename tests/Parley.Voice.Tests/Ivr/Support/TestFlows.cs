using System.Globalization;
using Parley.Flows.Execution;
using Parley.Flows.Json;
using Parley.Flows.Model;

namespace Parley.Voice.Tests.Ivr.Support;

/// <summary>Small flow documents for the media tests; every exit is a queue named after it, so the runner's final action tells the path.</summary>
internal static class TestFlows
{
    public static readonly FlowRunner Runner = new(new FlowInterpreter(new FlowOptions(), TimeProvider.System, FlowRandom.FromSeed(1)));

    public static FlowExecutionState Start(FlowDocument flow) =>
        new FlowInterpreter(new FlowOptions(), TimeProvider.System, FlowRandom.FromSeed(1)).Start("test", flow, new CallInfo("call-1", "+15550001", "+15550100"));

    /// <summary>"Press 1 for sales, 2 for support" (and say them, with <paramref name="speech"/>); no retries.</summary>
    public static FlowDocument Menu(double timeoutSeconds, bool speech = false)
    {
        var sales = speech ? """, "keywords": ["sales"]""" : "";
        var support = speech ? """, "keywords": ["support"]""" : "";
        return Parse($$"""
            {
              "name": "menu", "language": "en-us", "voice": "en-us",
              "blocks": [
                { "type": "start", "id": "start", "next": "menu" },
                { "type": "menu", "id": "menu", "prompt": { "text": "For sales press 1, for support press 2." },
                  "options": [ { "digit": "1"{{sales}}, "next": "Sales" }, { "digit": "2"{{support}}, "next": "Support" } ],
                  "timeoutSeconds": {{Num(timeoutSeconds)}}, "retries": 0, "bargeIn": true, "onNoInput": "NoInput", "onInvalid": "Invalid" },
                {{Exits("Sales", "Support", "NoInput", "Invalid")}}
              ]
            }
            """);
    }

    /// <summary>An account number into variable <c>account</c>, ended by <c>#</c>.</summary>
    public static FlowDocument Collect(double timeoutSeconds, double interDigitSeconds) => Parse($$"""
        {
          "name": "collect", "language": "en-us", "voice": "en-us",
          "blocks": [
            { "type": "start", "id": "start", "next": "collect" },
            { "type": "collectDigits", "id": "collect", "prompt": { "text": "Enter your account number, then hash." },
              "variable": "account", "maxDigits": 8, "terminator": "#", "timeoutSeconds": {{Num(timeoutSeconds)}},
              "interDigitTimeoutSeconds": {{Num(interDigitSeconds)}}, "retries": 0, "bargeIn": true,
              "next": "Done", "onNoInput": "NoInput", "onInvalid": "Invalid" },
            {{Exits("Done", "NoInput", "Invalid")}}
          ]
        }
        """);

    private static string Exits(params string[] names) =>
        string.Join(",\n", names.Select(n => $$"""{ "type": "transferToQueue", "id": "{{n}}", "queue": "{{n}}" }"""));

    private static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static FlowDocument Parse(string json) => FlowJson.ParseTrusted(json);
}
