using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.CannedResponses;
using Parley.Server.Application.InternalChat;
using Parley.Server.Auth;
using Parley.Server.Logging;

namespace Parley.Server.Web.Workspace;

/// <summary>
/// The workspace's internal chat: colleagues with online state and unread counts, and a conversation with one of them.
/// Everything is read and sent through <see cref="InternalChatService"/> (the REST API's code) via <see cref="ApplicationRunner"/>;
/// new messages arrive through <see cref="InternalChatEvents"/> (this circuit's subscription), presence changes likewise.
/// </summary>
public sealed partial class InternalChatPanel
{
    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<ColleagueView> _colleagues = [];
    private List<InternalMessageView> _messages = [];
    private IReadOnlyList<CannedResponseView> _responses = [];
    private Dictionary<string, string> _values = [];
    private ColleagueView? _selected;
    private Guid _me;
    private string _draft = "";
    private string? _error;
    private bool _busy;
    private IDisposable? _subscription;
    private IDisposable? _presence;
    private bool _followingLog;

    private const string MessagesId = "parley-internal-messages";

    [Parameter, EditorRequired]
    public CurrentActor Actor { get; set; } = null!;

    /// <summary>The name <c>{{agent.name}}</c> fills in (the agent's display name); the actor's name when not given.</summary>
    [Parameter]
    public string? AgentName { get; set; }

    [Inject]
    private ApplicationRunner Runner { get; set; } = null!;

    [Inject]
    private InternalChatEvents Events { get; set; } = null!;

    [Inject]
    private ILogger<InternalChatPanel> Logger { get; set; } = null!;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_selected is not null && !_followingLog)
        {
            _followingLog = true;
            await ChatLogFollowing.StartAsync(Js, MessagesId, _disposed.Token);
        }
    }

    protected override async Task OnInitializedAsync()
    {
        if (!Guid.TryParse(Actor.ActorId, out _me))
        {
            return;
        }

        _values = new Dictionary<string, string> { ["agent.name"] = AgentName ?? Actor.Name };
        var responses = await Runner.QueryAsync<CannedResponseService, AppResult<IReadOnlyList<CannedResponseView>>>(Actor, (s, ct) => s.ListAsync(Actor, null, ct), _disposed.Token);
        _responses = responses.Value ?? [];
        await RefreshColleaguesAsync();
        _subscription = Events.Subscribe(Actor.TenantId, _me, OnMessageAsync);
        _presence = Events.WatchPresence(Actor.TenantId, () => InvokeAsync(() => RenderAfterAsync(RefreshColleaguesAsync)));
    }

    /// <summary>Every colleague, page by page of the service's largest, shown online first, then by name.</summary>
    private async Task RefreshColleaguesAsync()
    {
        var colleagues = new List<ColleagueView>();
        var page = new PageRequest(PageRequest.MaxLimit, null);
        while (true)
        {
            var asked = page;
            var found = await Runner.QueryAsync<InternalChatService, AppResult<Page<ColleagueView>>>(Actor, (s, ct) => s.ColleaguesAsync(Actor, asked, ct), _disposed.Token);
            colleagues.AddRange(found.Value?.Items ?? []);
            if (found.Value?.NextCursor is not { } next)
            {
                break;
            }

            page = page with { Cursor = next };
        }

        _colleagues = [.. colleagues.OrderByDescending(c => c.Online).ThenBy(c => c.DisplayName, StringComparer.OrdinalIgnoreCase)];
        _selected = _selected is null ? null : _colleagues.FirstOrDefault(c => c.UserId == _selected.UserId) ?? _selected;
    }

    private async Task OpenAsync(ColleagueView colleague)
    {
        _selected = colleague;
        _error = null;
        var messages = await Runner.QueryAsync<InternalChatService, AppResult<IReadOnlyList<InternalMessageView>>>(
            Actor, (s, ct) => s.MessagesAsync(Actor, colleague.UserId, 100, ct), _disposed.Token);
        _messages = [.. messages.Value ?? []];
        await MarkReadAsync(colleague.UserId);
        await RefreshColleaguesAsync();
    }

    private Task MarkReadAsync(Guid userId) =>
        Runner.QueryAsync<InternalChatService, AppResult<int>>(Actor, (s, ct) => s.MarkReadAsync(Actor, userId, ct), _disposed.Token);

    private async Task SendAsync()
    {
        if (_selected is null || _busy || string.IsNullOrWhiteSpace(_draft))
        {
            return;
        }

        _busy = true;
        try
        {
            var to = _selected.UserId;
            var text = _draft;
            var sent = await Runner.QueryAsync<InternalChatService, AppResult<InternalMessageView>>(Actor, (s, ct) => s.SendAsync(Actor, to, text, ct), _disposed.Token);
            _error = sent.Error?.Detail;
            if (sent.IsOk)
            {
                _draft = "";
                Add(sent.Value!);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>A message to or from this user (from any of their circuits or the REST API).</summary>
    private Task OnMessageAsync(InternalMessageView message) => InvokeAsync(() => RenderAfterAsync(async () =>
    {
        var other = message.FromUserId == _me ? message.ToUserId : message.FromUserId;
        if (_selected?.UserId == other)
        {
            Add(message);
            if (message.ToUserId == _me)
            {
                await MarkReadAsync(other);
            }
        }

        await RefreshColleaguesAsync();
    }));

    private void Add(InternalMessageView message)
    {
        if (_messages.All(m => m.Id != message.Id))
        {
            _messages.Add(message);
        }
    }

    private async Task RenderAfterAsync(Func<Task> work)
    {
        try
        {
            await work();
            StateHasChanged();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.InternalChatRefreshFailed(Logger, exception, Actor.ActorId);
        }
    }

    private static string AccessibleName(ColleagueView colleague) =>
        $"{colleague.DisplayName}, {(colleague.Online ? "online" : "offline")}{(colleague.Unread > 0 ? $", {colleague.Unread} unread" : "")}";

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _presence?.Dispose();
        await _disposed.CancelAsync();
        _disposed.Dispose();
    }
}
