using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using Parley.Domain.Security;
using Parley.Flows.Model;
using Parley.Server.Api.Flows;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Auth;

namespace Parley.Server.Web.Admin;

/// <summary>
/// The flow designer: the draft (<see cref="FlowAdmin.GetDesignAsync"/>) drawn as blocks and arrows with every validation error
/// on its block, edited in place (<see cref="FlowDraftEditor"/>, so the JSON stays the source of truth), checked as it is edited
/// (<see cref="FlowAdmin.CheckDraftAsync"/>), saved with the version read, published or rolled back through the same commands
/// as <c>/api/v1/flows</c>, and "Try it" against the saved draft. With only <c>flows.read</c> it shows and tries, nothing more.
/// </summary>
public sealed partial class FlowDesigner : IAsyncDisposable
{
    private FlowDesign? _design;
    private FlowDraftEditor? _editor;
    private FlowDiagram? _diagram;
    private bool _valid;
    private bool _dirty;
    private long _version;
    private AppError? _error;
    private AppError? _saveError;
    private string? _notice;
    private bool _busy;
    private bool _canWrite;
    private IReadOnlyDictionary<string, IReadOnlyList<FlowTransition>> _exits = new Dictionary<string, IReadOnlyList<FlowTransition>>();
    private IReadOnlyList<FlowVersionSummaryDto> _versions = [];
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

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        _actor = CurrentActor.Require((await Authentication).User);
        _canWrite = _actor.Permissions.Contains(Permissions.FlowsWrite);
        _selected = null;
        await LoadAsync();
    }

    /// <summary>Reads the stored draft and its versions again; unsaved edits are dropped.</summary>
    private async Task LoadAsync()
    {
        var result = await Runner.QueryAsync<FlowAdmin, AppResult<FlowDesign>>(_actor, (s, ct) => s.GetDesignAsync(_actor, Id, ct), CancellationToken.None);
        (_design, _error) = (result.Value, result.Error);
        if (_design is not { } design)
        {
            return;
        }

        _editor = FlowDraftEditor.Parse(design.DraftJson);
        (_diagram, _valid, _dirty, _version) = (design.Diagram, design.Valid, false, design.Flow.Version);
        _exits = ExitsOf(_editor);
        var versions = await Runner.QueryAsync<FlowAdmin, AppResult<IReadOnlyList<FlowVersionSummaryDto>>>(_actor, (s, ct) => s.ListVersionsAsync(_actor, Id, ct), CancellationToken.None);
        _versions = versions.Value ?? [];
        if (_selected is { } id && _editor?.Block(id) is not null)
        {
            ShowBlock(id);
        }
        else
        {
            _selected = null;
        }
    }

    private async Task ReloadAsync()
    {
        (_saveError, _notice) = (null, null);
        await LoadAsync();
    }

    private async Task TryAsync()
    {
        var inputs = (_inputs ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var request = new FlowTryRequest(inputs, null, null);
        var result = await Runner.QueryAsync<FlowAdmin, AppResult<FlowTryResultDto>>(_actor, (s, ct) => s.TryAsync(_actor, Id, request, ct), CancellationToken.None);
        (_try, _tryError) = (result.Value, result.Error);
        _visited = _try?.Path.Where(p => p.FlowId == "trial").Select(p => p.BlockId).ToHashSet(StringComparer.Ordinal) ?? [];
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<FlowTransition>> ExitsOf(FlowDraftEditor? editor) =>
        editor?.AllTransitions() ?? new Dictionary<string, IReadOnlyList<FlowTransition>>();

    private string NodeClass(FlowDiagramNode node) =>
        "parley-flow-node" + (node.Errors.Count > 0 ? " parley-node-error" : "") + (_visited.Contains(node.Id) ? " parley-node-visited" : "")
        + (node.Id == _selected ? " parley-node-selected" : "");

    private static FlowDiagramNode? Node(FlowDiagram diagram, string id) => diagram.Nodes.FirstOrDefault(n => n.Id == id);

    private static string X(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Width(FlowDiagram d) => X(d.Nodes.Select(n => n.X).DefaultIfEmpty(0).Max() + FlowDiagram.NodeWidth + 24);

    private static string Height(FlowDiagram d) => X(d.Nodes.Select(n => n.Y).DefaultIfEmpty(0).Max() + FlowDiagram.NodeHeight + 40);
}
