using System.Text.Json;
using Parley.Flows.Model;

namespace Parley.Server.Application.Admin;

/// <summary>
/// A flow as nodes and edges for the designer. Positions come from the document's designer-only
/// <c>designer.positions</c> member; blocks without one are laid out in columns by distance from the start.
/// Validation errors go to the block their pointer names (<c>/blocks/3/...</c>); the rest are the flow's.
/// </summary>
public sealed record FlowDiagram(IReadOnlyList<FlowDiagramNode> Nodes, IReadOnlyList<FlowDiagramEdge> Edges, IReadOnlyList<string> FlowErrors)
{
    public const double NodeWidth = 170;
    public const double NodeHeight = 56;
    private const double ColumnWidth = 220;
    private const double RowHeight = 90;

    public static FlowDiagram From(FlowDocument document, string json, IDictionary<string, string[]> errors)
    {
        var blocks = document.Blocks ?? [];
        var saved = SavedPositions(json);
        var depth = Depths(document);
        var rows = new Dictionary<int, int>();
        var nodes = new List<FlowDiagramNode>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var id = blocks[i].Id ?? $"#{i}";
            var column = depth.GetValueOrDefault(id, depth.Count == 0 ? 0 : depth.Values.Max() + 1);
            var row = rows[column] = rows.GetValueOrDefault(column, -1) + 1;
            var (x, y) = saved.TryGetValue(id, out var p) ? p : (20 + column * ColumnWidth, 20 + row * RowHeight);
            var prefix = $"/blocks/{i}";
            var mine = errors.Where(e => e.Key == prefix || e.Key.StartsWith(prefix + "/", StringComparison.Ordinal)).ToList();
            var byField = mine.GroupBy(e => e.Key[prefix.Length..].TrimStart('/'), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);
            nodes.Add(new FlowDiagramNode(id, blocks[i].Kind, i, x, y, [.. mine.SelectMany(e => e.Value)], byField));
        }

        var edges = blocks.SelectMany(b => b.Transitions().Where(t => t.Target is not null && b.Id is not null)
            .Select(t => new FlowDiagramEdge(b.Id!, t.Target!, t.Field))).ToList();
        var flowErrors = errors.Where(e => !e.Key.StartsWith("/blocks/", StringComparison.Ordinal)).SelectMany(e => e.Value).ToList();
        return new FlowDiagram(nodes, edges, flowErrors);
    }

    private static Dictionary<string, int> Depths(FlowDocument document)
    {
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        if (document.Start?.Id is not { } start)
        {
            return depth;
        }
        depth[start] = 0;
        var pending = new Queue<string>([start]);
        while (pending.TryDequeue(out var at))
        {
            foreach (var t in document.Find(at)?.Transitions() ?? [])
            {
                if (t.Target is { } target && document.Find(target) is not null && depth.TryAdd(target, depth[at] + 1))
                {
                    pending.Enqueue(target);
                }
            }
        }
        return depth;
    }

    private static Dictionary<string, (double X, double Y)> SavedPositions(string json)
    {
        var positions = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        using var parsed = JsonDocument.Parse(json);
        if (parsed.RootElement.TryGetProperty("designer", out var designer) && designer.ValueKind == JsonValueKind.Object
            && designer.TryGetProperty("positions", out var all) && all.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in all.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("x", out var x) && x.TryGetDouble(out var vx)
                    && p.Value.TryGetProperty("y", out var y) && y.TryGetDouble(out var vy))
                {
                    positions[p.Name] = (vx, vy);
                }
            }
        }
        return positions;
    }
}
