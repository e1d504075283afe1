using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Recordings;
using Parley.Server.Voice.Calls;

namespace Parley.Server.Application.Calls;

/// <summary>A voicemail's audio file and what a download names it.</summary>
internal sealed record VoicemailAudio(string Path, string Sha256, string FileName, DateTimeOffset RecordedAt);

/// <summary>
/// Finds a voicemail interaction's audio for playback: allowed to the agent the interaction is (or was) with, or to anyone
/// of the tenant holding <c>recordings.listen</c>. Anything else — another tenant's interaction, one that is not a
/// voicemail, a colleague's — is not found. Every playback is audited on the interaction.
/// </summary>
internal sealed class VoicemailPlayback(ParleyDbContext db, TenantContext tenant, RecordingFiles files, AuditScope audit)
{
    public async Task<AppResult<VoicemailAudio>> FindAsync(CurrentActor actor, Guid interactionId, string? range, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        audit.Target("interaction", interactionId);
        tenant.Set(actor.TenantId);
        var interaction = await db.Interactions.AsNoTracking()
            .Where(i => i.Id == interactionId)
            .Select(i => new { i.AgentId, i.Attributes })
            .SingleOrDefaultAsync(ct);
        if (interaction is null || !TryReadRecordingId(interaction.Attributes, out var recordingId))
        {
            return AppError.NotFound();
        }

        if (!actor.Permissions.Contains(Permissions.RecordingsListen) && !await IsAgentOfAsync(actor, interaction.AgentId, ct))
        {
            return AppError.NotFound();
        }

        var row = await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordingId, ct);
        if (row is null || row.DeletedAt is not null || files.PathOf(row) is not { } path || !File.Exists(path))
        {
            return AppError.NotFound();
        }

        audit.Describe($"voicemail of call {row.CallId}, " + (range is { Length: > 0 } ? "audio " + range : "audio, whole file"));
        return AppResult<VoicemailAudio>.Ok(new VoicemailAudio(path, row.Sha256, "voicemail-" + row.CallId.ToString("D") + ".wav", row.EndedAt));
    }

    private async Task<bool> IsAgentOfAsync(CurrentActor actor, Guid? agentId, CancellationToken ct)
    {
        if (agentId is null || !actor.Permissions.Contains(Permissions.AgentSelf) || actor.ActorType != ParleyClaims.ActorUser
            || !Guid.TryParse(actor.ActorId, out var userId))
        {
            return false;
        }

        return await db.Agents.AsNoTracking().AnyAsync(a => a.Id == agentId && a.UserId == userId, ct);
    }

    private static bool TryReadRecordingId(string attributesJson, out Guid recordingId)
    {
        recordingId = Guid.Empty;
        try
        {
            var attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(attributesJson);
            return attributes is not null
                && attributes.GetValueOrDefault(VoicemailAttributes.Kind) == VoicemailAttributes.Voicemail
                && Guid.TryParse(attributes.GetValueOrDefault(VoicemailAttributes.RecordingId), out recordingId);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
