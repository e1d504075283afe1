using Parley.Domain.Security;
using Parley.Server.Api.Queues;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Creates or edits a queue through <see cref="QueueAdmin"/>, the REST API's code: a refused field shows its message under the
/// field, and an update carries the version read, so someone else's change in between is explained instead of overwritten.
/// </summary>
public sealed partial class QueueEdit
{
    private static readonly string[] Fields =
        ["name", "channels", "strategy", "serviceLevelTargetSeconds", "priority", "offerTimeoutSeconds", "maxSize", "maxWaitSeconds",
         "overflowTarget", "overflowQueueId", "wrapUpMode", "wrapUpTimeLimitSeconds", "wrapUpCodes", "thresholds", "requiredSkills"];

    private QueueForm? _form;
    private IReadOnlyList<Choice> _otherQueues = [];
    private IReadOnlyList<Choice> _skills = [];

    protected override string WritePermission => Permissions.QueuesWrite;

    protected override string ListPath => "/admin/queues";

    protected override bool CanSave => _form is not null;

    private string Title => Id is null ? "New queue" : _form?.Name is { Length: > 0 } name && !Missing ? name : "Queue";

    protected override async Task LoadChoicesAsync()
    {
        var choices = await Runner.QueryAsync<QueueAdmin, AppResult<QueueChoices>>(Actor, (s, ct) => s.ChoicesAsync(Actor, ct), CancellationToken.None);
        _otherQueues = (choices.Value?.Queues ?? []).Where(q => q.Id != Id).ToArray();
        _skills = choices.Value?.Skills ?? [];
    }

    protected override void ShowNew() => _form ??= new QueueForm();

    protected override Task<AppResult<QueueDto>> ReadAsync(Guid id) =>
        Runner.QueryAsync<QueueAdmin, AppResult<QueueDto>>(Actor, (s, ct) => s.GetAsync(Actor, id, ct), CancellationToken.None);

    protected override void Show(QueueDto? resource) => _form = resource is null ? null : QueueForm.From(resource);

    protected override Task<AppResult<QueueDto>> WriteAsync(Guid? id)
    {
        var request = _form!.ToRequest();
        var expected = _form.Version;
        return id is { } existing
            ? Runner.CommandAsync<QueueAdmin, QueueDto>(Actor, "queues.update", (s, ct) => s.UpdateAsync(Actor, existing, expected, request, ct), CancellationToken.None)
            : Runner.CommandAsync<QueueAdmin, QueueDto>(Actor, "queues.create", (s, ct) => s.CreateAsync(Actor, request, ct), CancellationToken.None);
    }

    protected override Guid IdOf(QueueDto resource) => resource.Id;
}
