using System.Globalization;
using System.Text.Json.Nodes;

namespace Parley.Server.Application.Admin;

/// <summary>Adding, deleting and moving blocks; positions live in the designer-only <c>designer.positions</c> member.</summary>
public sealed partial class FlowDraftEditor
{
    /// <summary>Appends a block of <paramref name="type"/> with a new id (the type, then the type and a number) at the position given.</summary>
    public string Add(string type, double x, double y)
    {
        var ids = BlockIds().ToHashSet(StringComparer.Ordinal);
        var id = type;
        for (var n = 2; ids.Contains(id); n++)
        {
            id = type + n.ToString(CultureInfo.InvariantCulture);
        }

        Blocks().Add(new JsonObject { ["type"] = type, ["id"] = id });
        Move(id, x, y);
        return id;
    }

    /// <summary>Removes the block, every transition that led to it and its position.</summary>
    public void Delete(string id)
    {
        foreach (var (other, transitions) in AllTransitions().Where(e => e.Key != id))
        {
            foreach (var t in transitions.Where(t => t.Target == id))
            {
                Set(other, t.Field, null);
            }
        }

        var blocks = Blocks();
        blocks.RemoveAt(blocks.IndexOf(Block(id)));
        if (Positions(create: false) is { } positions)
        {
            positions.Remove(id);
        }
    }

    /// <summary>Points the exits that led to <paramref name="from"/> (as read before the change) and its position at <paramref name="to"/>.</summary>
    private void Rename(IReadOnlyDictionary<string, IReadOnlyList<Parley.Flows.Model.FlowTransition>> before, string from, string to)
    {
        foreach (var (other, transitions) in before.Where(e => e.Key != from))
        {
            foreach (var t in transitions.Where(t => t.Target == from))
            {
                Set(other, t.Field, JsonValue.Create(to));
            }
        }

        if (Positions(create: false) is { } positions && positions[from] is JsonObject at)
        {
            positions.Remove(from);
            positions[to] = at;
        }
    }

    /// <summary>Where the designer draws the block, or null when the document does not say.</summary>
    public (double X, double Y)? PositionOf(string id) =>
        Positions(create: false)?[id] is JsonObject p && p["x"] is JsonValue x && x.TryGetValue<double>(out var vx) && p["y"] is JsonValue y && y.TryGetValue<double>(out var vy)
            ? (vx, vy)
            : null;

    /// <summary>Records the block's position, rounded to whole pixels and never off the canvas.</summary>
    public void Move(string id, double x, double y)
    {
        var positions = Positions(create: true)!;
        positions[id] = new JsonObject { ["x"] = Math.Max(0, Math.Round(x)), ["y"] = Math.Max(0, Math.Round(y)) };
    }

    private JsonObject? Positions(bool create)
    {
        if (_root["designer"] is not JsonObject designer)
        {
            if (!create)
            {
                return null;
            }

            designer = new JsonObject();
            _root["designer"] = designer;
        }

        if (designer["positions"] is not JsonObject positions)
        {
            if (!create)
            {
                return null;
            }

            positions = new JsonObject();
            designer["positions"] = positions;
        }

        return positions;
    }
}
