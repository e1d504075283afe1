using Parley.Domain.Security;
using Parley.Server.Api.Numbers;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Points one of the tenant's numbers at a queue or a published flow through <see cref="NumberAdmin"/>, the REST API's code: a
/// refused field shows its message under the field, and a re-point carries the version read (someone else's change is explained).
/// </summary>
public sealed partial class NumberEdit
{
    private static readonly string[] Fields = ["number", "targetKind", "targetId", "description"];

    private NumberForm? _form;
    private NumberTargets _targets = new([], []);

    protected override string WritePermission => Permissions.NumbersWrite;

    protected override string ListPath => "/admin/numbers";

    protected override bool CanSave => _form is not null;

    private string Title => Id is null ? "Point a number" : _form?.Number is { Length: > 0 } number && !Missing ? number : "Number";

    protected override async Task LoadChoicesAsync()
    {
        var targets = await Runner.QueryAsync<NumberAdmin, AppResult<NumberTargets>>(Actor, (s, ct) => s.TargetsAsync(Actor, ct), CancellationToken.None);
        _targets = targets.Value ?? _targets;
    }

    protected override void ShowNew() => _form ??= new NumberForm();

    protected override Task<AppResult<NumberDto>> ReadAsync(Guid id) =>
        Runner.QueryAsync<NumberAdmin, AppResult<NumberDto>>(Actor, (s, ct) => s.GetAsync(Actor, id, ct), CancellationToken.None);

    protected override void Show(NumberDto? resource) => _form = resource is null ? null : NumberForm.From(resource);

    protected override Task<AppResult<NumberDto>> WriteAsync(Guid? id)
    {
        var form = _form!;
        var expected = form.Version;
        if (id is { } existing)
        {
            var target = form.ToTarget();
            return Runner.CommandAsync<NumberAdmin, NumberDto>(Actor, "numbers.update", (s, ct) => s.UpdateAsync(Actor, existing, expected, target, ct), CancellationToken.None);
        }

        var point = form.ToPoint();
        return Runner.CommandAsync<NumberAdmin, NumberDto>(Actor, "numbers.point", (s, ct) => s.PointAsync(Actor, point, ct), CancellationToken.None);
    }

    protected override Guid IdOf(NumberDto resource) => resource.Id;

    private Task<AppResult<Done>> UnpointAsync(Guid id) =>
        Runner.CommandAsync<NumberAdmin, Done>(Actor, "numbers.unpoint", (s, ct) => s.UnpointAsync(Actor, id, ct), CancellationToken.None);
}
