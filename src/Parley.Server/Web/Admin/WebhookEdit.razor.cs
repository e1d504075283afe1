using Parley.Domain.Security;
using Parley.Server.Api.Webhooks;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// A webhook subscription through <see cref="WebhookAdmin"/>: created with its signing secret shown once; then its URL and events
/// saved with the version read, the secret rotated (shown once), a test event sent, and its delivery log.
/// </summary>
public sealed partial class WebhookEdit
{
    private static readonly string[] Fields = ["url", "eventTypes"];

    private WebhookDeliveryLog? _log;
    private WebhookDto? _created;
    private string _url = "";
    private string _events = "";
    private string? _secret;
    private bool _tested;
    private long? _version;

    protected override string WritePermission => Permissions.WebhooksWrite;

    protected override string ListPath => "/admin/webhooks";

    protected override bool OpenAfterCreate => false;

    private string Title => Id is null
        ? (_created is null ? "New webhook" : "Webhook created")
        : !Missing && Uri.TryCreate(_url, UriKind.Absolute, out var url) ? url.Host : "Webhook";

    protected override Task<AppResult<WebhookDto>> ReadAsync(Guid id)
    {
        _secret = null;
        _tested = false;
        return Runner.QueryAsync<WebhookAdmin, AppResult<WebhookDto>>(Actor, (s, ct) => s.GetAsync(Actor, id, ct), CancellationToken.None);
    }

    protected override void ShowNew()
    {
        _created = null;
        _secret = null;
        Show(null);
    }

    protected override void Show(WebhookDto? resource)
    {
        _url = resource?.Url ?? "";
        _events = resource is null ? "" : string.Join(", ", resource.EventTypes);
        _version = resource?.Version;
    }

    protected override async Task<AppResult<WebhookDto>> WriteAsync(Guid? id)
    {
        var events = _events.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var request = new WebhookRequest(_url.Trim(), events);
        if (id is { } existing)
        {
            var expected = _version;
            return await Runner.CommandAsync<WebhookAdmin, WebhookDto>(Actor, "webhooks.update", (s, ct) => s.UpdateAsync(Actor, existing, expected, request, ct), CancellationToken.None);
        }

        var created = await Runner.CommandAsync<WebhookAdmin, CreatedWebhookDto>(Actor, "webhooks.create", (s, ct) => s.CreateAsync(Actor, request, ct), CancellationToken.None);
        _created = created.Value?.Subscription;
        _secret = created.Value?.Secret;
        return _created is { } subscription ? AppResult<WebhookDto>.Ok(subscription) : created.Error!;
    }

    protected override Guid IdOf(WebhookDto resource) => resource.Id;

    private async Task SendTestAsync(Guid id)
    {
        var sent = await Runner.CommandAsync<WebhookAdmin, WebhookDeliveryDto>(Actor, "webhooks.test", (s, ct) => s.SendTestAsync(Actor, id, ct), CancellationToken.None);
        ShowError(sent.Error);
        _tested = sent.IsOk;
        if (_log is not null)
        {
            await _log.ReloadAsync();
        }
    }

    private async Task RotateAsync(Guid id)
    {
        var expected = _version;
        var rotated = await Runner.CommandAsync<WebhookAdmin, RotatedWebhookSecretDto>(
            Actor, "webhooks.rotate-secret", (s, ct) => s.RotateSecretAsync(Actor, id, expected, ct), CancellationToken.None);
        ShowError(rotated.Error);
        if (rotated.Value is { } value)
        {
            _secret = value.Secret;
            _version = value.Version;
        }
    }

    private Task<AppResult<Done>> DeleteAsync(Guid id) =>
        Runner.CommandAsync<WebhookAdmin, Done>(Actor, "webhooks.delete", (s, ct) => s.DeleteAsync(Actor, id, ct), CancellationToken.None);
}
