using Parley.Server.Api.Flows;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Saving the draft with the version read (someone else's save in between is a conflict with a reload), publishing the saved draft
/// and rolling back to an older version: the commands of <c>PUT /api/v1/flows/{id}</c> and <c>POST …/publish</c>, audited alike.
/// </summary>
public sealed partial class FlowDesigner
{
    private async Task SaveAsync()
    {
        if (_editor is not { } editor)
        {
            return;
        }

        _busy = true;
        var json = editor.ToJson();
        var result = await Runner.CommandAsync<FlowAdmin, FlowDto>(_actor, "flows.update", (s, ct) => s.SaveDraftAsync(_actor, Id, _version, json, ct), CancellationToken.None);
        _busy = false;
        if (result.Value is not { } saved)
        {
            (_saveError, _notice) = (result.Error, null);
            return;
        }

        await LoadAsync();
        _saveError = null;
        var errors = saved.Validation.Errors.Sum(e => e.Value.Length);
        _notice = saved.Validation.Valid ? "Draft saved." : $"Draft saved with {errors} validation {(errors == 1 ? "error" : "errors")}, shown on their blocks; publishing needs a valid draft.";
    }

    /// <summary>Publishes the saved draft (<paramref name="version"/> null) or publishes an older version again.</summary>
    private async Task PublishAsync(int? version)
    {
        _busy = true;
        var result = await Runner.CommandAsync<FlowAdmin, FlowDto>(_actor, "flows.publish", (s, ct) => s.PublishAsync(_actor, Id, _version, version, ct), CancellationToken.None);
        _busy = false;
        if (result.Value is not { } published)
        {
            _notice = null;
            _saveError = result.Error is { Kind: AppErrorKind.Invalid } invalid
                ? invalid with { Detail = $"Not published: {(version is null ? "the draft" : $"version {version}")} has errors. {invalid.Detail}", Field = null, Errors = null }
                : result.Error;
            return;
        }

        await LoadAsync();
        _saveError = null;
        _notice = version is null ? $"Published the draft as version {published.PublishedVersion}." : $"Rolled back: version {published.PublishedVersion} is published again.";
    }
}
