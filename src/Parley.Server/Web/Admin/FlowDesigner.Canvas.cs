using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// The canvas: <c>js/flow-designer.js</c> drags a block (its position goes to <c>designer.positions</c>) and drags from an exit's
/// dot onto a block (that exit now leads there). The keyboard does the same without a pointer: Enter selects, the arrow keys move
/// the block, the panel's exit picks connect.
/// </summary>
public sealed partial class FlowDesigner
{
    /// <summary>Pixels an arrow key moves a block.</summary>
    private const double KeyStep = 10;

    private ElementReference _canvas;
    private DotNetObjectReference<FlowDesigner>? _self;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_canWrite && _diagram is not null && _canvas.Context is not null)
        {
            _self ??= DotNetObjectReference.Create(this);
            await JS.InvokeVoidAsync("parleyFlowDesigner.attach", _canvas, _self);
        }
    }

    private async Task KeyAsync(string id, KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or " ")
        {
            Select(id);
            return;
        }

        var (dx, dy) = e.Key switch
        {
            "ArrowLeft" => (-KeyStep, 0d),
            "ArrowRight" => (KeyStep, 0d),
            "ArrowUp" => (0d, -KeyStep),
            "ArrowDown" => (0d, KeyStep),
            _ => (0d, 0d),
        };
        if (_canWrite && (dx != 0 || dy != 0))
        {
            await MoveByAsync(id, dx, dy);
            Select(id);
        }
    }

    /// <summary>From the script: the block was dragged by (<paramref name="dx"/>, <paramref name="dy"/>).</summary>
    [JSInvokable("MoveBlock")]
    public async Task MoveBlockAsync(string id, double dx, double dy)
    {
        await MoveByAsync(id, dx, dy);
        StateHasChanged();
    }

    /// <summary>From the script: the exit <paramref name="field"/> of <paramref name="from"/> was dropped on <paramref name="to"/>.</summary>
    [JSInvokable("ConnectExit")]
    public async Task ConnectExitAsync(string from, string field, string to)
    {
        if (!_canWrite || _editor is not { } editor || editor.Block(to) is null || !editor.Transitions(from).Any(t => t.Field == field))
        {
            return;
        }

        editor.Set(from, field, JsonValue.Create(to));
        await ChangedAsync();
        Select(from);
        StateHasChanged();
    }

    private async Task MoveByAsync(string id, double dx, double dy)
    {
        if (!_canWrite || _editor is not { } editor || _diagram?.Nodes.FirstOrDefault(n => n.Id == id) is not { } node)
        {
            return;
        }

        editor.Move(id, node.X + dx, node.Y + dy);
        await ChangedAsync();
    }

    /// <summary>Where the dot of a block's exit number <paramref name="index"/> sits: along its lower edge, from the right.</summary>
    private static (double X, double Y) ExitAt(FlowDiagramNode node, int index) =>
        (node.X + FlowDiagram.NodeWidth - 8 - index * 14, node.Y + FlowDiagram.NodeHeight);

    /// <summary>An arrow from the exit's dot to the side of the target that faces it: the left when it lies to the right, else its top or bottom.</summary>
    private (double X1, double Y1, double X2, double Y2) EdgeLine(FlowDiagramEdge edge, FlowDiagramNode from, FlowDiagramNode to)
    {
        var index = _exits.GetValueOrDefault(from.Id)?.ToList().FindIndex(t => t.Field == edge.Field) ?? -1;
        var (x1, y1) = index >= 0 ? ExitAt(from, index) : (from.X + FlowDiagram.NodeWidth, from.Y + FlowDiagram.NodeHeight / 2);
        var (x2, y2) = to.X >= from.X + FlowDiagram.NodeWidth ? (to.X, to.Y + FlowDiagram.NodeHeight / 2)
            : to.Y >= from.Y + FlowDiagram.NodeHeight ? (to.X + FlowDiagram.NodeWidth / 2, to.Y)
            : (to.X + FlowDiagram.NodeWidth / 2, to.Y + FlowDiagram.NodeHeight);
        return (x1, y1, x2, y2);
    }

    public ValueTask DisposeAsync()
    {
        _self?.Dispose();
        return ValueTask.CompletedTask;
    }
}
