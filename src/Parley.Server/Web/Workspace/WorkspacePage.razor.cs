using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using Parley.Routing.Agents;
using Parley.Server.Application;
using Parley.Server.Application.Agents;
using Parley.Server.Auth;
using Parley.Server.Logging;
using Parley.Server.Routing;

namespace Parley.Server.Web.Workspace;

/// <summary>
/// The agent workspace. Everything it shows is read through <see cref="AgentWorkspace"/> (the REST API's code) and re-read
/// when the server pushes one of the agent's routing events to this circuit, or when the circuit reconnects; nothing polls.
/// A one-second local tick only advances the displayed clocks (time in state, offer countdown, handle time).
/// The open tab is kept by interaction, not by position, and written to the address (<c>?interaction=…</c>), so a reload
/// opens the same tab; the chats' unread counts come from the server (<see cref="Parley.Server.Application.Chats.ChatReading"/>).
/// </summary>
public sealed partial class WorkspacePage
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private AgentSelfView? _me;
    private PhoneStatus? _phone;
    private IReadOnlyList<WorkItemView> _work = [];
    private Parley.Voice.Calls.Control.LiveCallView? _call;
    private Parley.Server.Application.Calls.TransferTargets _targets = Parley.Server.Application.Calls.TransferTargets.None;
    private CurrentActor _actor = null!;
    private IDisposable? _subscription;
    private ITimer? _tick;
    private DateTimeOffset _now;
    private bool _loaded;
    private bool _busy;
    private string? _error;
    private int _tab;
    private Guid? _selected;
    private readonly Dictionary<Guid, int> _unread = [];
    private readonly CancellationTokenSource _disposed = new();

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject]
    private ApplicationRunner Runner { get; set; } = null!;

    [Inject]
    private AgentEventSubscriptions Events { get; set; } = null!;

    [Inject]
    private CircuitConnection Connection { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    [Inject]
    private ILogger<WorkspacePage> Logger { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    private IEnumerable<WorkItemView> Offers => _work.Where(w => w.Status == WorkItemStatus.Offered);

    private List<WorkItemView> Handling => _work.Where(w => w.Status != WorkItemStatus.Offered).ToList();

    protected override async Task OnInitializedAsync()
    {
        _actor = CurrentActor.Require((await Authentication).User);
        _now = Time.GetUtcNow();
        _selected = AddressedInteraction();
        await RefreshAsync();
        if (_me is not null)
        {
            _subscription = Events.Subscribe(_actor.TenantId, RoutingDefinitions.Key(_me.Agent.Id), OnEventsAsync);
        }

        Connection.Reconnected += RefreshAndRenderAsync;
        _tick = Time.CreateTimer(_ => _ = InvokeAsync(() => { _now = Time.GetUtcNow(); StateHasChanged(); }), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _loaded = true;
    }

    private async Task OnEventsAsync(IReadOnlyList<RoutingEventMessage> events)
    {
        if (NotConnectedReason(events) is { } reason)
        {
            await InvokeAsync(() => _error = reason);
        }

        await RefreshAndRenderAsync();
        if (events.FirstOrDefault(e => e.Type == "interaction.offered") is { } offered
            && _work.FirstOrDefault(w => w.InteractionId.ToString() == offered.InteractionId) is { } item)
        {
            await NotifyAsync(item);
        }
    }

    /// <summary>Why a call the agent placed did not connect, when Parley has words for it (<c>call.not-connected</c>).</summary>
    private static string? NotConnectedReason(IReadOnlyList<RoutingEventMessage> events) =>
        events.LastOrDefault(e => e.Type == "call.not-connected") is { } failed && failed.Data.TryGetValue("reason", out var reason)
            && reason?.ToString() is { Length: > 0 } text
            ? text
            : null;

    private Task RefreshAndRenderAsync() => InvokeAsync(async () =>
    {
        try
        {
            await RefreshAsync();
            StateHasChanged();
            // RadzenTabs renders the tab panels from its items' content as it was before this render updated the items,
            // so a second render shows the new state inside the tabs too (e.g. a chat transferred from its own pane
            // turning to wrap-up), rather than at the next one-second tick.
            StateHasChanged();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.WorkspaceRefreshFailed(Logger, exception, _me?.Agent.Id.ToString() ?? _actor.ActorId);
        }
    });

    /// <summary>Re-reads the agent and the work in hand (one at a time; a refresh asked for during one runs after it).</summary>
    private async Task RefreshAsync()
    {
        await _refreshing.WaitAsync(_disposed.Token);
        try
        {
            var me = await Runner.QueryAsync<AgentWorkspace, AppResult<AgentSelfView>>(_actor, (w, ct) => w.GetMeAsync(_actor, ct), _disposed.Token);
            var work = await Runner.QueryAsync<AgentWorkspace, AppResult<IReadOnlyList<WorkItemView>>>(_actor, (w, ct) => w.GetWorkAsync(_actor, ct), _disposed.Token);
            _me = me.Value;
            _phone = _me is { } self
                ? (await Runner.QueryAsync<AgentWorkspace, AppResult<PhoneStatus>>(_actor, (w, ct) => w.GetPhoneStatusAsync(_actor, ct), _disposed.Token)).Value
                : null;
            _work = work.Value ?? [];
            _call = _work.Any(w => w.Channel == "Voice" && w.Status == WorkItemStatus.Active)
                ? await Runner.QueryAsync<Parley.Server.Application.Calls.CallControl, Parley.Voice.Calls.Control.LiveCallView?>(
                    _actor, (c, ct) => c.CurrentCallAsync(_actor, ct), _disposed.Token)
                : null;
            if (_call is not null && _targets.Queues.Count == 0)
            {
                _targets = await Runner.QueryAsync<Parley.Server.Application.Calls.CallControl, Parley.Server.Application.Calls.TransferTargets>(
                    _actor, (c, ct) => c.TransferTargetsAsync(_actor, ct), _disposed.Token);
            }

            _now = Time.GetUtcNow();
            KeepSelection();
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>
    /// The open tab follows its interaction when tabs come or go; when it went (wrapped up), the tab at its place opens.
    /// </summary>
    private void KeepSelection()
    {
        var handling = Handling;
        var index = handling.FindIndex(w => w.InteractionId == _selected);
        _tab = index >= 0 ? index : Math.Clamp(_tab, 0, Math.Max(0, handling.Count - 1));
        // An offer being accepted keeps its claim on the tab until it is in hand.
        if (index < 0 && handling.Count > 0 && !Offers.Any(o => o.InteractionId == _selected))
        {
            _selected = handling[_tab].InteractionId;
        }
    }

    /// <summary>The interaction the address names (<c>?interaction=…</c>): the tab open before a reload.</summary>
    private Guid? AddressedInteraction() =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query).TryGetValue(AddressKey, out var value)
        && Guid.TryParse(value, out var id) ? id : null;

    private const string AddressKey = "interaction";

    /// <summary>Writes the open tab to the address (replacing the history entry) when it changed, so a reload reopens it.</summary>
    protected override void OnAfterRender(bool firstRender)
    {
        if (Handling.Count > 0 && _selected is { } selected && AddressedInteraction() != selected)
        {
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(AddressKey, selected.ToString()), replace: true);
        }
    }

    private Task SignInAsync(string? reason) =>
        RunAsync("agent.sign-in", (w, ct) => w.SignInAsync(_actor, reason, ct));

    private Task SignOutAsync() =>
        RunAsync("agent.sign-out", (w, ct) => w.SignOutAsync(_actor, ct));

    private Task SelectAsync(StateChoice choice) =>
        RunAsync("agent.state", (w, ct) => w.SetStateAsync(_actor, choice.State, choice.Reason, ct));

    /// <summary>Accepts an offer and opens its tab (the tab open so far stays open when another way adds one).</summary>
    private Task AcceptAsync(WorkItemView item)
    {
        _selected = item.InteractionId;
        return RunAsync("interactions.accept", (w, ct) => w.AcceptAsync(_actor, item.InteractionId, ct));
    }

    private Task RejectAsync(WorkItemView item) =>
        RunAsync("interactions.reject", (w, ct) => w.RejectAsync(_actor, item.InteractionId, ct));

    private Task EndAsync(WorkItemView item) =>
        RunAsync("interactions.end", (w, ct) => w.EndAsync(_actor, item.InteractionId, ct));

    private Task WrapUpAsync(WorkItemView item, WrapUpChoice choice) =>
        RunAsync("interactions.wrap-up", (w, ct) => w.CompleteWrapUpAsync(_actor, item.InteractionId, choice.Code, choice.Notes, ct));

    /// <summary>A call control from the voice panel, through the same <see cref="Parley.Server.Application.Calls.CallControl"/> as the REST API.</summary>
    private async Task CallAsync(WorkItemView item, CallAction action)
    {
        _busy = true;
        _error = null;
        try
        {
            var id = item.InteractionId;
            var result = await Runner.CommandAsync<Parley.Server.Application.Calls.CallControl, Done>(_actor, "calls." + action.Kind, (c, ct) => action.Kind switch
            {
                "hold" => c.HoldAsync(_actor, id, ct),
                "resume" => c.ResumeAsync(_actor, id, ct),
                "mute" => c.MuteAsync(_actor, id, muted: true, ct),
                "unmute" => c.MuteAsync(_actor, id, muted: false, ct),
                "dtmf" => c.SendDigitsAsync(_actor, id, action.Digits, ct),
                "transfer" => c.TransferAsync(_actor, id, action.To!, ct),
                "consult" => DoneAsync(c.ConsultAsync(_actor, id, action.To!, ct)),
                "consult-complete" => c.CompleteConsultAsync(_actor, id, ct),
                "consult-cancel" => c.CancelConsultAsync(_actor, id, ct),
                "recording-pause" => c.PauseRecordingAsync(_actor, id, paused: true, ct),
                "recording-resume" => c.PauseRecordingAsync(_actor, id, paused: false, ct),
                _ => c.HangUpAsync(_actor, id, ct),
            }, _disposed.Token);
            _error = result.Error?.Detail;
            await RefreshAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>A command whose answer the workspace does not show (the consulted party's leg): done or its error.</summary>
    private static async Task<AppResult<Done>> DoneAsync<T>(Task<AppResult<T>> command) =>
        (await command).Error is { } error ? error : AppResult<Done>.Ok(Done.Value);

    /// <summary>Places a call from the dial box, through the same <see cref="Parley.Server.Application.Calls.OutboundDialing"/> as <c>POST /api/v1/calls</c>.</summary>
    private async Task DialAsync(string to)
    {
        _busy = true;
        _error = null;
        try
        {
            var result = await Runner.CommandAsync<Parley.Server.Application.Calls.OutboundDialing, Parley.Server.Application.Calls.DialStarted>(
                _actor, "calls.dial", (d, ct) => d.DialAsync(_actor, new Parley.Server.Application.Calls.DialRequest(to), ct), _disposed.Token);
            _error = result.Error?.Detail;
            await RefreshAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Runs one command of the application layer (audited as the REST API's would be), then re-reads the state.</summary>
    private async Task RunAsync<T>(string action, Func<AgentWorkspace, CancellationToken, Task<AppResult<T>>> command)
    {
        _busy = true;
        _error = null;
        try
        {
            var result = await Runner.CommandAsync(_actor, action, command, _disposed.Token);
            _error = result.Error?.Detail;
            await RefreshAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task NotifyAsync(WorkItemView offer)
    {
        try
        {
            await Js.InvokeVoidAsync("parley.notifyOffer", $"Incoming {offer.Channel.ToLowerInvariant()} — {offer.QueueName}", Customer.Describe(offer) ?? "Unknown customer");
        }
        catch (JSException)
        {
            // The browser refused (no audio device, notifications blocked): the offer card is on screen anyway.
        }
        catch (JSDisconnectedException)
        {
            // The browser is away; the card shows when it reconnects.
        }
        catch (TaskCanceledException)
        {
            // The page closed while the browser was being asked (its circuit cancels pending calls): nothing to tell.
        }
    }

    private string IdleText() => _me?.State?.State switch
    {
        null or AgentState.LoggedOut => "Sign in to routing to receive interactions.",
        AgentState.Available => "Waiting for the next interaction…",
        AgentState.NotReady => "Not ready: no interactions are offered. Choose Available to receive them.",
        _ => "No interaction in hand.",
    };

    private string TabTitle(WorkItemView item) =>
        $"{item.Channel}: {Customer.ShortName(item) ?? item.QueueName}{(item.Status == WorkItemStatus.WrapUp ? " (wrap-up)" : "")}"
        + (_unread.GetValueOrDefault(item.InteractionId) is > 0 and var count ? $" ({count} new)" : "");

    /// <summary>
    /// The tab's header, read when the tabs render (not when the item's parameters were last set), so an opened tab's
    /// count goes with the render that follows the selection.
    /// </summary>
    private RenderFragment TabHeader(WorkItemView item) => builder => builder.AddContent(0, TabTitle(item));

    /// <summary>
    /// The agent opened another tab: its unread count goes, and the panes hear which one is selected. In client mode
    /// <c>RadzenTabs</c> switches the panel in the browser and refuses to render while it raises this callback, and it renders
    /// its panels from the content of the render before; the page asks for two renders once the callback is over.
    /// </summary>
    private void OnTabChanged(int index)
    {
        _tab = index;
        if (index >= 0 && index < Handling.Count)
        {
            _selected = Handling[index].InteractionId;
            _unread.Remove(Handling[index].InteractionId);
        }

        _ = RenderAfterTabChangeAsync();
    }

    private async Task RenderAfterTabChangeAsync()
    {
        await Task.Yield();
        StateHasChanged();
        await Task.Yield();
        StateHasChanged();
    }

    /// <summary>A chat pane's count of unread customer messages, shown on its tab.</summary>
    private void Unread(WorkItemView item, int count)
    {
        _unread[item.InteractionId] = count;
        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Reconnected -= RefreshAndRenderAsync;
        _subscription?.Dispose();
        if (_tick is not null)
        {
            await _tick.DisposeAsync();
        }

        await _disposed.CancelAsync();
        _disposed.Dispose();
        _refreshing.Dispose();
    }
}
