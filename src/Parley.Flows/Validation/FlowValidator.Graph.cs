using Parley.Flows.Model;

namespace Parley.Flows.Validation;

public sealed partial class FlowValidator
{
    /// <summary>Unreachable blocks, and cycles that never wait for the caller (menus and digit collection do; a loop's bounded body does not count as a cycle edge).</summary>
    private static void CheckGraph(FlowDocument document, List<FlowValidationError> errors)
    {
        var blocks = document.Blocks ?? [];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Id is { } id)
            {
                index.TryAdd(id, i);
            }
        }
        var start = blocks.FindIndex(b => b is StartBlock);
        if (start < 0)
        {
            return;
        }
        var reached = new bool[blocks.Count];
        var queue = new Queue<int>();
        reached[start] = true;
        queue.Enqueue(start);
        while (queue.TryDequeue(out var at))
        {
            foreach (var t in blocks[at].Transitions())
            {
                if (t.Target is { } target && index.TryGetValue(target, out var next) && !reached[next])
                {
                    reached[next] = true;
                    queue.Enqueue(next);
                }
            }
        }
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!reached[i])
            {
                errors.Add(new(Pointer(blocks[i], i), FlowErrorKind.UnreachableBlock,
                    $"No path from the start block leads to the block '{blocks[i].Id}'."));
            }
        }
        foreach (var cycle in SpinningCycles(blocks, index))
        {
            var names = string.Join(" → ", cycle.Select(i => blocks[i].Id));
            errors.Add(new(Pointer(blocks[cycle[0]], cycle[0]), FlowErrorKind.InputlessLoop,
                $"The blocks {names} form a loop that never waits for the caller, so it could spin for ever; add a menu or digit collection, or use a loop block with a count."));
        }
    }

    /// <summary>Strongly connected components (Tarjan, iterative) of the graph without input-waiting blocks and bounded edges.</summary>
    private static List<List<int>> SpinningCycles(List<FlowBlock> blocks, Dictionary<string, int> index)
    {
        var n = blocks.Count;
        var edges = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            edges[i] = [];
            if (blocks[i].WaitsForCallerInput)
            {
                continue;
            }
            foreach (var t in blocks[i].Transitions())
            {
                if (!t.Bounded && t.Target is { } target && index.TryGetValue(target, out var j) && !blocks[j].WaitsForCallerInput)
                {
                    edges[i].Add(j);
                }
            }
        }
        var order = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Array.Fill(order, -1);
        var stack = new Stack<int>();
        var counter = 0;
        var result = new List<List<int>>();
        for (var root = 0; root < n; root++)
        {
            if (order[root] >= 0)
            {
                continue;
            }
            var work = new Stack<(int Node, int Edge)>();
            work.Push((root, 0));
            order[root] = low[root] = counter++;
            stack.Push(root);
            onStack[root] = true;
            while (work.Count > 0)
            {
                var (v, e) = work.Pop();
                if (e < edges[v].Count)
                {
                    work.Push((v, e + 1));
                    var w = edges[v][e];
                    if (order[w] < 0)
                    {
                        order[w] = low[w] = counter++;
                        stack.Push(w);
                        onStack[w] = true;
                        work.Push((w, 0));
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], order[w]);
                    }
                    continue;
                }
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
                if (low[v] != order[v])
                {
                    continue;
                }
                var component = new List<int>();
                int x;
                do
                {
                    x = stack.Pop();
                    onStack[x] = false;
                    component.Add(x);
                }
                while (x != v);
                if (component.Count > 1 || edges[v].Contains(v))
                {
                    component.Sort();
                    result.Add(component);
                }
            }
        }
        return result;
    }
}
