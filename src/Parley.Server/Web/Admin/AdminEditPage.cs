using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Parley.Server.Application;
using Parley.Server.Auth;

namespace Parley.Server.Web.Admin;

/// <summary>
/// An admin page that creates or edits one resource through the application layer: it reads the resource (or starts a new one),
/// saves with the version read, shows the service's field errors and conflicts, and after creating opens the new resource.
/// <see cref="Saved"/> says a save went through (pages show it with <c>SaveStatus</c> beside the Save button), after a create too:
/// the new resource's page keeps it.
/// </summary>
/// <typeparam name="TDto">The resource as the service returns it.</typeparam>
public abstract class AdminEditPage<TDto> : ComponentBase
    where TDto : class
{
    [Parameter]
    public Guid? Id { get; set; }

    protected CurrentActor Actor { get; private set; } = null!;

    protected AppError? Error { get; private set; }

    protected bool CanWrite { get; private set; }

    protected bool Busy { get; private set; }

    protected bool Saved { get; private set; }

    protected bool Missing { get; private set; }

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    /// <summary>The resource this page just created and is opening: its first read keeps <see cref="Saved"/>.</summary>
    private Guid? _opening;

    [Inject]
    protected ApplicationRunner Runner { get; set; } = null!;

    [Inject]
    protected NavigationManager Nav { get; set; } = null!;

    /// <summary>The permission that allows saving.</summary>
    protected abstract string WritePermission { get; }

    /// <summary>The list's address; a created resource opens at this address plus its id.</summary>
    protected abstract string ListPath { get; }

    /// <summary>
    /// Whether a created resource opens at its own address at once (false: the page stays to show what the create answered once,
    /// such as a secret, and links to the resource itself).
    /// </summary>
    protected virtual bool OpenAfterCreate => true;

    /// <summary>False while there is nothing to save (the resource could not be read).</summary>
    protected virtual bool CanSave => true;

    /// <summary>Loads what the form chooses from, after the actor is known and before the resource is read.</summary>
    protected virtual Task LoadChoicesAsync() => Task.CompletedTask;

    /// <summary>Prepares the form for a new resource.</summary>
    protected virtual void ShowNew()
    {
    }

    /// <summary>Shows the resource read or saved (null when it does not exist).</summary>
    protected abstract void Show(TDto? resource);

    protected abstract Task<AppResult<TDto>> ReadAsync(Guid id);

    /// <summary>Sends the form: an update of <paramref name="id"/> with the version read, or a create when it is null.</summary>
    protected abstract Task<AppResult<TDto>> WriteAsync(Guid? id);

    protected abstract Guid IdOf(TDto resource);

    protected override async Task OnParametersSetAsync()
    {
        Actor = CurrentActor.Require((await Authentication).User);
        CanWrite = Actor.Permissions.Contains(WritePermission);
        await LoadChoicesAsync();
        await ReloadAsync();
    }

    /// <summary>Shows an action's refusal (or clears the last one) like a save's.</summary>
    protected void ShowError(AppError? error)
    {
        Error = error;
    }

    /// <summary>Runs a delete through the application layer and goes back to the list; a refusal is shown like a save's.</summary>
    protected async Task DeleteThenListAsync(Func<Task<AppResult<Done>>> delete)
    {
        Busy = true;
        var result = await delete();
        Busy = false;
        Error = result.Error;
        if (result.IsOk)
        {
            Nav.NavigateTo(ListPath);
        }
    }

    protected async Task ReloadAsync()
    {
        Error = null;
        Saved = Id is { } opened && opened == _opening;
        _opening = null;
        if (Id is not { } id)
        {
            ShowNew();
            return;
        }

        var read = await ReadAsync(id);
        Missing = read.Value is null;
        Show(read.Value);
    }

    protected async Task SaveAsync()
    {
        if (!CanSave || Busy)
        {
            return;
        }

        Busy = true;
        Saved = false;
        var result = await WriteAsync(Id);
        Busy = false;
        Error = result.Error;
        if (result.Value is not { } saved)
        {
            return;
        }

        if (Id is null && OpenAfterCreate)
        {
            _opening = IdOf(saved);
            Nav.NavigateTo($"{ListPath}/{_opening}");
            return;
        }

        Show(saved);
        Saved = true;
    }
}
