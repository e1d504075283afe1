using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

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

    public ValueTask DisposeAsync()
    {
        _self?.Dispose();
        return ValueTask.CompletedTask;
    }
}
