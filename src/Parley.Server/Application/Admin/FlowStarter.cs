using System.Text.Json.Nodes;

namespace Parley.Server.Application.Admin;

/// <summary>The document a new flow starts from in the console: valid at once, a start that plays a greeting and hangs up.</summary>
public static class FlowStarter
{
    public static string Json(string name) => new JsonObject
    {
        ["name"] = name.Trim(),
        ["blocks"] = new JsonArray(
            new JsonObject { ["type"] = "start", ["id"] = "start", ["next"] = "welcome" },
            new JsonObject { ["type"] = "play", ["id"] = "welcome", ["prompt"] = new JsonObject { ["text"] = "Thank you for calling." }, ["next"] = "end" },
            new JsonObject { ["type"] = "hangUp", ["id"] = "end" }),
        ["designer"] = new JsonObject
        {
            ["positions"] = new JsonObject
            {
                ["start"] = new JsonObject { ["x"] = 20, ["y"] = 20 },
                ["welcome"] = new JsonObject { ["x"] = 240, ["y"] = 20 },
                ["end"] = new JsonObject { ["x"] = 460, ["y"] = 20 },
            },
        },
    }.ToJsonString();
}
