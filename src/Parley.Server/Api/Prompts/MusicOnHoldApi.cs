using Microsoft.Extensions.Options;
using Parley.Domain.Security;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Voice.Audio;

namespace Parley.Server.Api.Prompts;

/// <summary>
/// <c>/api/v1/music-on-hold</c>: what callers of the tenant hear while they wait. <c>GET</c> downloads it (header
/// <c>X-Parley-Music-On-Hold: tenant</c> or <c>default</c>), <c>PUT</c> replaces it with an upload (same rules as
/// prompts), <c>DELETE</c> goes back to the music shipped with Parley.
/// </summary>
public static class MusicOnHoldApi
{
    public const string SourceHeader = "X-Parley-Music-On-Hold";

    public static RouteGroupBuilder MapMusicOnHoldApi(this RouteGroupBuilder api)
    {
        var moh = api.MapGroup("/music-on-hold").WithTags("Prompts");
        moh.MapGet("/", Get).RequirePermission(Permissions.FlowsRead);
        moh.MapPut("/", ReplaceAsync).RequirePermission(Permissions.FlowsWrite).Audited("music-on-hold.replace");
        moh.MapDelete("/", Reset).RequirePermission(Permissions.FlowsWrite).Audited("music-on-hold.reset");
        return api;
    }

    private static IResult Get(HttpContext http, TenantAudioStore store, DefaultMusicOnHold fallback)
    {
        var path = store.MusicOnHoldPath(CurrentActor.Require(http.User).TenantId);
        var custom = File.Exists(path);
        http.Response.Headers[SourceHeader] = custom ? "tenant" : "default";
        return TypedResults.PhysicalFile(custom ? path : fallback.Path, "audio/wav", "music-on-hold.wav");
    }

    private static async Task<IResult> ReplaceAsync(
        HttpContext http, TenantAudioStore store, IOptions<PromptOptions> options, AuditScope audit, CancellationToken ct)
    {
        var (upload, problem) = await PromptUpload.ReadAsync(http.Request, options.Value, ct);
        if (problem is not null)
        {
            return problem;
        }

        var wav = TenantAudioStore.Encode(upload!.Samples);
        await TenantAudioStore.WriteAsync(store.MusicOnHoldPath(CurrentActor.Require(http.User).TenantId), wav, ct);
        var durationMs = (int)(upload.Samples.Length * 1000L / PromptAudioDecoder.SampleRate);
        audit.Target("music-on-hold", "tenant").Describe($"replaced the music on hold ({upload.SourceType}, {durationMs} ms)");
        return TypedResults.Ok(new MusicOnHoldDto(true, durationMs, wav.Length, TenantAudioStore.Sha256(wav)));
    }

    private static IResult Reset(HttpContext http, TenantAudioStore store, AuditScope audit)
    {
        TenantAudioStore.Delete(store.MusicOnHoldPath(CurrentActor.Require(http.User).TenantId));
        audit.Target("music-on-hold", "tenant").Describe("went back to the default music on hold");
        return TypedResults.NoContent();
    }
}
