using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using Parley.Server.Application;
using Parley.Server.Application.Agents;
using Parley.Server.Application.Attachments;
using Parley.Server.Application.Calls;
using Parley.Server.Application.CannedResponses;
using Parley.Server.Application.Chats;
using Parley.Server.Auth;
using Parley.Server.WebChat;

namespace Parley.Server.Web.Workspace;

/// <summary>
/// A chat's transcript, reply box and typing indicators inside its interaction tab. Reads and writes through
/// <see cref="ChatService"/> (the REST API's code); new messages, the customer typing and the end arrive live through
/// <see cref="ChatLiveUpdates"/>. Counts the customer's messages the agent has not seen: those after the chat's read mark
/// (<see cref="ChatReading"/>, kept on the server, so the count survives a reload), which moves up while the tab is selected.
/// </summary>
public sealed partial class ChatPane
{
    private readonly List<ChatMessageView> _messages = [];
    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<CannedResponseView> _responses = [];
    private CurrentActor _actor = null!;
    private IDisposable? _subscription;
    private string? _draft;
    private string? _error;
    private bool _sending;
    private TransferTargets? _targets;
    private bool _customerTyping;
    private bool _ended;
    private string? _transferredTo;
    private DateTimeOffset _typingSentAt;
    private int _unread;
    private long _readThrough;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Parameter, EditorRequired]
    public WorkItemView Item { get; set; } = null!;

    /// <summary>Whether this chat's tab is the one on screen.</summary>
    [Parameter]
    public bool Selected { get; set; }

    /// <summary>The count of customer messages not yet seen (0 once the tab is selected).</summary>
    [Parameter]
    public EventCallback<int> UnreadChanged { get; set; }

    /// <summary>The agent's display name, for the <c>{{agent.name}}</c> placeholder of canned responses.</summary>
    [Parameter]
    public string? AgentName { get; set; }

    [Inject]
    private ApplicationRunner Runner { get; set; } = null!;

    [Inject]
    private ChatLiveUpdates Live { get; set; } = null!;

    [Inject]
    private CircuitConnection Connection { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    private string CustomerName => Customer.ShortName(Item) ?? "Customer";

    /// <summary>Where this agent handed the chat on: known at once in this tab, and from the ended interaction after a reload.</summary>
    private string? TransferredTo => _transferredTo ?? Attribute(ChatTransferAttributes.TransferredTo);

    private string LogId => $"chat-log-{Item.InteractionId:N}";

    /// <summary>The canned responses' placeholders: see <see cref="ChatPlaceholders"/>.</summary>
    private IReadOnlyDictionary<string, string> Placeholders => ChatPlaceholders.For(Item, AgentName ?? _actor.Name);

    protected override async Task OnInitializedAsync()
    {
        _actor = CurrentActor.Require((await Authentication).User);
        _subscription = await Live.SubscribeAsync(_actor, Item.InteractionId, OnChatEvent, _disposed.Token);
        await LoadAsync();
        var read = await Runner.QueryAsync<ChatReading, AppResult<long>>(_actor, (r, ct) => r.ReadThroughAsync(_actor, Item.InteractionId, ct), _disposed.Token);
        _readThrough = read.Value;
        if (!Selected && _messages.Count(m => m.From == "customer" && m.Seq > _readThrough) is > 0 and var unread)
        {
            _unread = unread;
            await UnreadChanged.InvokeAsync(_unread);
        }

        var responses = await Runner.QueryAsync<CannedResponseService, AppResult<IReadOnlyList<CannedResponseView>>>(
            _actor, (s, ct) => s.ListAsync(_actor, null, ct), _disposed.Token);
        _responses = responses.Value ?? [];
        Connection.Reconnected += ReloadAsync;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await ChatLogFollowing.StartAsync(Js, LogId, _disposed.Token);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (!Selected)
        {
            return;
        }

        if (_unread > 0)
        {
            _unread = 0;
            await UnreadChanged.InvokeAsync(0);
        }

        await MarkSeenAsync();
    }

    /// <summary>The tab is on screen: its customer messages are seen (stored only when the mark moves).</summary>
    private async Task MarkSeenAsync()
    {
        var last = _messages.Where(m => m.From == "customer").Select(m => m.Seq).DefaultIfEmpty(0).Max();
        if (last > _readThrough)
        {
            _readThrough = last;
            await Runner.QueryAsync<ChatReading, AppResult<Done>>(_actor, (r, ct) => r.MarkReadAsync(_actor, Item.InteractionId, last, ct), _disposed.Token);
        }
    }

    private async Task LoadAsync()
    {
        var result = await Runner.QueryAsync<ChatService, AppResult<IReadOnlyList<ChatMessageView>>>(
            _actor, (chats, ct) => chats.GetMessagesAsync(_actor, Item.InteractionId, ct), _disposed.Token);
        if (result.IsOk)
        {
            foreach (var message in result.Value!)
            {
                Add(message);
            }
        }
    }

    private Task ReloadAsync() => InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    private void OnChatEvent(ChatEvent chatEvent) => _ = InvokeAsync(async () =>
    {
        switch (chatEvent)
        {
            case ChatMessageEvent { Message: var row }:
                if (Add(ChatMessageView.Of(row)) && row.Direction == "customer")
                {
                    _customerTyping = false;
                    if (Selected)
                    {
                        await MarkSeenAsync();
                    }
                    else
                    {
                        _unread++;
                        await UnreadChanged.InvokeAsync(_unread);
                    }
                }

                break;
            case ChatTypingEvent { FromCustomer: true, On: var on }:
                _customerTyping = on;
                break;
            case ChatEndedEvent:
                _ended = true;
                _customerTyping = false;
                break;
            default:
                return;
        }

        StateHasChanged();
    });

    /// <summary>Adds a message unless it is shown already (the live event and the reply of a send both carry it).</summary>
    private bool Add(ChatMessageView message)
    {
        if (_messages.Any(m => m.From == message.From && m.Seq == message.Seq))
        {
            return false;
        }

        _messages.Add(message);
        // Stable by time: messages stamped the same instant keep the order they were stored or arrived in.
        var ordered = _messages.OrderBy(m => m.At).ToList();
        _messages.Clear();
        _messages.AddRange(ordered);
        return true;
    }

    private async Task SendAsync()
    {
        if (string.IsNullOrWhiteSpace(_draft) || _sending)
        {
            return;
        }

        _sending = true;
        _error = null;
        var text = _draft;
        _draft = null;
        var result = await Runner.CommandAsync<ChatService, ChatMessageView>(
            _actor, "interactions.message", (chats, ct) => chats.SendAsync(_actor, Item.InteractionId, text, ct), _disposed.Token);
        _sending = false;
        if (result.IsOk)
        {
            Add(result.Value!);
        }
        else
        {
            _draft = text;
            _error = result.Error!.Detail;
        }
    }

    /// <summary>
    /// Sends the customer the chosen file: stored through <see cref="AttachmentService"/> under the tenant's limits (the
    /// REST upload's code, audited alike), then carried by a message of its own through <see cref="ChatService"/>.
    /// </summary>
    private async Task AttachAsync(InputFileChangeEventArgs e)
    {
        if (_sending)
        {
            return;
        }

        _sending = true;
        _error = null;
        try
        {
            var uploaded = await Runner.CommandAsync<AttachmentService, AttachmentView>(_actor, "attachments.upload", async (files, ct) =>
            {
                // The browser streams the file over the circuit; the service counts it against the tenant's own limit.
                await using var content = e.File.OpenReadStream(Domain.Tenants.AttachmentLimits.MaxMaxBytes, ct);
                return await files.UploadAsync(_actor, e.File.Name, content, ct);
            }, _disposed.Token);
            if (!uploaded.IsOk)
            {
                _error = uploaded.Error!.Detail;
                return;
            }

            var sent = await Runner.CommandAsync<ChatService, ChatMessageView>(
                _actor, "interactions.message", (chats, ct) => chats.SendAsync(_actor, Item.InteractionId, "", ct, uploaded.Value!.Id), _disposed.Token);
            if (sent.IsOk)
            {
                Add(sent.Value!);
            }
            else
            {
                _error = sent.Error!.Detail;
            }
        }
        catch (IOException)
        {
            _error = $"The file is larger than {Domain.Tenants.AttachmentLimits.MaxMaxBytes / (1024 * 1024)} MB.";
        }
        finally
        {
            _sending = false;
        }
    }

    private string? Attribute(string key) => Item.Attributes.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private async Task OpenTransferAsync() =>
        _targets = await Runner.QueryAsync<ChatTransfers, TransferTargets>(_actor, (t, ct) => t.TargetsAsync(_actor, ct), _disposed.Token);

    /// <summary>Hands the chat on through <see cref="ChatTransfers"/> (the REST API's code); the routing events then move this tab to wrap-up.</summary>
    private async Task TransferAsync(ChatTransferRequest request)
    {
        _sending = true;
        _error = null;
        var result = await Runner.CommandAsync<ChatTransfers, ChatTransferResult>(
            _actor, "interactions.transfer", (t, ct) => t.TransferAsync(_actor, Item.InteractionId, request, ct), _disposed.Token);
        _sending = false;
        if (result.IsOk)
        {
            _transferredTo = ShownTarget(request, _targets);
            _targets = null;
            _ended = true;
            _customerTyping = false;
        }
        else
        {
            _error = result.Error!.Detail;
        }
    }

    /// <summary>The chosen target as the tab names it: the agent's name, or "the Support queue".</summary>
    private static string? ShownTarget(ChatTransferRequest request, TransferTargets? targets) =>
        request.Agent is { } agent ? targets?.Agents.FirstOrDefault(a => a.Id == agent)?.Name
        : targets?.Queues.FirstOrDefault(q => q.Id == request.Queue)?.Name is { } queue ? $"the {queue} queue" : null;

    private async Task OnDraftChangedAsync(string value)
    {
        _draft = value;
        await OnTypedAsync();
    }

    /// <summary>Tells the customer the agent is typing, at most every three seconds.</summary>
    private async Task OnTypedAsync()
    {
        var now = Time.GetUtcNow();
        if (string.IsNullOrEmpty(_draft) || now - _typingSentAt < TimeSpan.FromSeconds(3))
        {
            return;
        }

        _typingSentAt = now;
        await Runner.QueryAsync<ChatService, AppResult<Done>>(_actor, (chats, ct) => chats.TypingAsync(_actor, Item.InteractionId, true, ct), _disposed.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Reconnected -= ReloadAsync;
        _subscription?.Dispose();
        await _disposed.CancelAsync();
        _disposed.Dispose();
    }
}
