using Parley.Domain.Security;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// The tenant's wrap-up codes across its queues (<see cref="WrapUpCodeAdmin"/>): filtered, sorted and paged by the server;
/// offer a code on queues, rename it everywhere, withdraw it everywhere.
/// </summary>
public sealed partial class WrapUpCodeList
{
    private IReadOnlyList<WrapUpCodeQueue> _queues = [];
    private string? _newCode;
    private IEnumerable<Guid> _newQueues = [];
    private string? _renaming;
    private string? _renameTo;
    private bool _busy;
    private AppError? _commandError;

    protected override string WritePermission => Permissions.QueuesWrite;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        var queues = await Runner.QueryAsync<QueueAdmin, AppResult<ListPage<Api.Queues.QueueDto>>>(
            Actor, (s, ct) => s.ListAsync(Actor, new ListQuery(Take: ListQuery.MaxTake), ct), CancellationToken.None);
        _queues = queues.Value?.Items.Select(q => new WrapUpCodeQueue(q.Id, q.Name)).ToList() ?? [];
    }

    protected override Task<AppResult<ListPage<WrapUpCodeDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<WrapUpCodeAdmin, AppResult<ListPage<WrapUpCodeDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);

    private async Task AddAsync()
    {
        var queues = _newQueues.ToList();
        if (await RunAsync(Runner.CommandAsync<WrapUpCodeAdmin, WrapUpCodeDto>(Actor, "wrap-up-codes.add", (s, ct) => s.AddAsync(Actor, _newCode, queues, ct), CancellationToken.None)))
        {
            (_newCode, _newQueues) = (null, []);
        }
    }

    private void StartRename(string code) => (_renaming, _renameTo) = (code, code);

    private async Task RenameAsync(string code)
    {
        if (await RunAsync(Runner.CommandAsync<WrapUpCodeAdmin, WrapUpCodeDto>(Actor, "wrap-up-codes.rename", (s, ct) => s.RenameAsync(Actor, code, _renameTo, ct), CancellationToken.None)))
        {
            _renaming = null;
        }
    }

    private Task RemoveAsync(string code) =>
        RunAsync(Runner.CommandAsync<WrapUpCodeAdmin, Done>(Actor, "wrap-up-codes.remove", (s, ct) => s.RemoveAsync(Actor, code, ct), CancellationToken.None));

    /// <summary>Runs a command, then reloads the list; a refusal shows above the grid until the next command. True when it succeeded.</summary>
    private async Task<bool> RunAsync<T>(Task<AppResult<T>> command)
    {
        _busy = true;
        var result = await command;
        _busy = false;
        _commandError = result.Error;
        await Grid.Reload();
        return result.Error is null;
    }
}
