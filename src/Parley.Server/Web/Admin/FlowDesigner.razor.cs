using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Parley.Server.Api.Flows;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Auth;

namespace Parley.Server.Web.Admin;

/// <summary>
/// A flow's draft as a diagram (<see cref="FlowAdmin.GetDesignAsync"/>): blocks as nodes at their designer positions,
/// transitions as arrows, a block with validation errors drawn red with its sentences listed, and "Try it", which runs
/// the draft against typed input (<see cref="FlowAdmin.TryAsync"/>) and marks the blocks visited.
/// </summary>
public sealed partial class FlowDesigner
{
    private FlowDesign? _design;
    private AppError? _error;
    private string? _inputs;
    private FlowTryResultDto? _try;
    private AppError? _tryError;
    private HashSet<string> _visited = [];
    private CurrentActor _actor = null!;

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject]
    private ApplicationRunner Runner { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        _actor = CurrentActor.Require((await Authentication).User);
        var result = await Runner.QueryAsync<FlowAdmin, AppResult<FlowDesign>>(_actor, (s, ct) => s.GetDesignAsync(_actor, Id, ct), CancellationToken.None);
        (_design, _error) = (result.Value, result.Error);
    }

    private async Task TryAsync()
    {
        var inputs = (_inputs ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var request = new FlowTryRequest(inputs, null, null);
        var result = await Runner.QueryAsync<FlowAdmin, AppResult<FlowTryResultDto>>(_actor, (s, ct) => s.TryAsync(_actor, Id, request, ct), CancellationToken.None);
        (_try, _tryError) = (result.Value, result.Error);
        _visited = _try?.Path.Where(p => p.FlowId == "trial").Select(p => p.BlockId).ToHashSet(StringComparer.Ordinal) ?? [];
    }

    private string NodeClass(FlowDiagramNode node) =>
        "parley-flow-node" + (node.Errors.Count > 0 ? " parley-node-error" : "") + (_visited.Contains(node.Id) ? " parley-node-visited" : "");

    private static FlowDiagramNode? Node(FlowDiagram diagram, string id) => diagram.Nodes.FirstOrDefault(n => n.Id == id);

    private static string X(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Width(FlowDiagram d) => X(d.Nodes.Select(n => n.X).DefaultIfEmpty(0).Max() + FlowDiagram.NodeWidth + 40);

    private static string Height(FlowDiagram d) => X(d.Nodes.Select(n => n.Y).DefaultIfEmpty(0).Max() + FlowDiagram.NodeHeight + 40);
}
