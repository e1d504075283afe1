using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Parley.Domain.Security;
using Parley.Server.Api.Queues;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Auth;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Creates or edits a queue through <see cref="QueueAdmin"/>, the REST API's code: a refused field shows its message under the
/// field, and an update carries the version read, so someone else's change in between is explained instead of overwritten.
/// </summary>
public sealed partial class QueueEdit
{
    private static readonly string[] Fields =
        ["name", "channels", "strategy", "serviceLevelTargetSeconds", "priority", "offerTimeoutSeconds", "maxSize", "maxWaitSeconds",
         "overflowTarget", "overflowQueueId", "wrapUpMode", "wrapUpTimeLimitSeconds", "wrapUpCodes", "thresholds"];

    private CurrentActor _actor = null!;
    private QueueForm? _form;
    private IReadOnlyList<Choice> _otherQueues = [];
    private AppError? _error;
    private bool _canWrite;
    private bool _busy;
    private bool _saved;
    private bool _missing;

    [Parameter]
    public Guid? Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject]
    private ApplicationRunner Runner { get; set; } = null!;

    [Inject]
    private NavigationManager Nav { get; set; } = null!;

    private string Title => Id is null ? "New queue" : _form?.Name is { Length: > 0 } name && !_missing ? name : "Queue";

    protected override async Task OnParametersSetAsync()
    {
        _actor = CurrentActor.Require((await Authentication).User);
        _canWrite = _actor.Permissions.Contains(Permissions.QueuesWrite);
        var all = await Runner.QueryAsync<QueueAdmin, AppResult<ListPage<QueueDto>>>(
            _actor, (s, ct) => s.ListAsync(_actor, new ListQuery(Take: ListQuery.MaxTake), ct), CancellationToken.None);
        _otherQueues = (all.Value?.Items ?? []).Where(q => q.Id != Id).Select(q => new Choice(q.Id, q.Name)).ToArray();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _error = null;
        _saved = false;
        if (Id is not { } id)
        {
            _form ??= new QueueForm();
            return;
        }

        var read = await Runner.QueryAsync<QueueAdmin, AppResult<QueueDto>>(_actor, (s, ct) => s.GetAsync(_actor, id, ct), CancellationToken.None);
        _missing = read.Value is null;
        _form = read.Value is { } queue ? QueueForm.From(queue) : null;
    }

    private async Task SaveAsync()
    {
        if (_form is null || _busy)
        {
            return;
        }

        _busy = true;
        _saved = false;
        var request = _form.ToRequest();
        var expected = _form.Version;
        var result = Id is { } id
            ? await Runner.CommandAsync<QueueAdmin, QueueDto>(_actor, "queues.update", (s, ct) => s.UpdateAsync(_actor, id, expected, request, ct), CancellationToken.None)
            : await Runner.CommandAsync<QueueAdmin, QueueDto>(_actor, "queues.create", (s, ct) => s.CreateAsync(_actor, request, ct), CancellationToken.None);
        _busy = false;
        _error = result.Error;
        if (result.Value is not { } saved)
        {
            return;
        }

        if (Id is null)
        {
            Nav.NavigateTo($"/admin/queues/{saved.Id}");
            return;
        }

        _form = QueueForm.From(saved);
        _saved = true;
    }
}
