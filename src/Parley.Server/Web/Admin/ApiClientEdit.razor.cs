using Parley.Domain.Security;
using Parley.Server.Api.ApiClients;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// A new API client (name and permissions; the secret is shown once, on this page, and never again) or an existing one with
/// rotate (a new secret shown once, sent with the version read) and revoke, all through <see cref="ApiClientAdmin"/>.
/// </summary>
public sealed partial class ApiClientEdit
{
    private static readonly string[] Fields = ["name", "permissions"];

    private IReadOnlyList<GrantChoice> _choices = [];
    private HashSet<string> _permissions = new(StringComparer.Ordinal);
    private string _name = "";
    private ApiClientDto? _client;
    private string? _secret;

    protected override string WritePermission => Permissions.ApiClientsWrite;

    protected override string ListPath => "/admin/api-clients";

    protected override bool OpenAfterCreate => false;

    private string Title => _client?.Name ?? (Id is null ? "New API client" : "API client");

    protected override async Task LoadChoicesAsync()
    {
        var choices = await Runner.QueryAsync<ApiClientAdmin, AppResult<IReadOnlyList<GrantChoice>>>(Actor, (s, _) => Task.FromResult(s.PermissionChoices(Actor)), CancellationToken.None);
        _choices = choices.Value ?? [];
    }

    protected override Task<AppResult<ApiClientDto>> ReadAsync(Guid id)
    {
        // A secret is shown only in the answer that issued it; reading the client again forgets it.
        _secret = null;
        return Runner.QueryAsync<ApiClientAdmin, AppResult<ApiClientDto>>(Actor, (s, ct) => s.GetAsync(Actor, id, ct), CancellationToken.None);
    }

    protected override void ShowNew()
    {
        _client = null;
        _secret = null;
        _name = "";
        _permissions = new HashSet<string>(StringComparer.Ordinal);
    }

    protected override void Show(ApiClientDto? resource)
    {
        _client = resource;
    }

    protected override async Task<AppResult<ApiClientDto>> WriteAsync(Guid? id)
    {
        var permissions = _choices.Select(c => c.Name).Where(_permissions.Contains).ToArray();
        var request = new CreateApiClientRequest(_name.Trim(), permissions);
        var created = await Runner.CommandAsync<ApiClientAdmin, CreatedApiClientDto>(Actor, "api-clients.create", (s, ct) => s.CreateAsync(Actor, request, ct), CancellationToken.None);
        _secret = created.Value?.ClientSecret;
        return created.Value is { } value ? AppResult<ApiClientDto>.Ok(value.Client) : created.Error!;
    }

    protected override Guid IdOf(ApiClientDto resource) => resource.Id;

    private async Task RotateAsync()
    {
        if (_client is not { } client)
        {
            return;
        }

        var rotated = await Runner.CommandAsync<ApiClientAdmin, CreatedApiClientDto>(
            Actor, "api-clients.rotate-secret", (s, ct) => s.RotateSecretAsync(Actor, client.Id, client.Version, ct), CancellationToken.None);
        ShowError(rotated.Error);
        if (rotated.Value is { } value)
        {
            _client = value.Client;
            _secret = value.ClientSecret;
        }
    }

    private async Task RevokeAsync()
    {
        if (_client is not { } client)
        {
            return;
        }

        var revoked = await Runner.CommandAsync<ApiClientAdmin, ApiClientDto>(Actor, "api-clients.revoke", (s, ct) => s.RevokeAsync(Actor, client.Id, ct), CancellationToken.None);
        ShowError(revoked.Error);
        if (revoked.Value is { } value)
        {
            _client = value;
            _secret = null;
        }
    }
}
