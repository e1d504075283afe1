using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Storage;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Voice.Audio;

namespace Parley.Server.Api.Prompts;

/// <summary>
/// <c>/api/v1/prompts</c>: a tenant's uploaded prompts (WAV or MP3, stored as 8 kHz mono WAV), named by id in flows'
/// play, menu and collect blocks; the stored file counts against the plan's storage (409, <c>limit: storage</c>). Reading
/// needs <c>flows.read</c>, changing <c>flows.write</c>. Uploads declare no <c>Accepts</c> content types on purpose:
/// routing would answer 415 before authentication, telling anonymous callers about the endpoint; the handler checks the
/// media type itself.
/// </summary>
public static class PromptsApi
{
    public const int MaxNameLength = 200;

    public static RouteGroupBuilder MapPromptsApi(this RouteGroupBuilder api)
    {
        var prompts = api.MapGroup("/prompts").WithTags("Prompts");
        prompts.MapGet("/", ListAsync).RequirePermission(Permissions.FlowsRead);
        prompts.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.FlowsRead);
        prompts.MapGet("/{id:guid}/audio", GetAudioAsync).RequirePermission(Permissions.FlowsRead);
        prompts.MapPost("/", CreateAsync).RequirePermission(Permissions.FlowsWrite).Audited("prompts.create");
        prompts.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.FlowsWrite).Audited("prompts.delete");
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.Set<Prompt>().AsNoTracking().ToPageResultAsync(p => p.Name, page, PromptDto.From, ct);

    private static async Task<IResult> GetAsync(Guid id, ParleyDbContext db, CancellationToken ct) =>
        await db.Set<Prompt>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } prompt
            ? TypedResults.Ok(PromptDto.From(prompt))
            : ApiProblems.NotFound();

    private static async Task<IResult> GetAudioAsync(Guid id, ParleyDbContext db, TenantAudioStore store, CancellationToken ct)
    {
        var prompt = await db.Set<Prompt>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        var path = prompt is null ? null : store.PromptPath(prompt.TenantId, prompt.Id);
        return path is not null && File.Exists(path)
            ? TypedResults.PhysicalFile(path, "audio/wav", $"{prompt!.Name}.wav")
            : ApiProblems.NotFound();
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http, ParleyDbContext db, TenantAudioStore store, TenantStorage storage, IOptions<PromptOptions> options, AuditScope audit, TimeProvider time,
        CancellationToken ct)
    {
        var (upload, problem) = await PromptUpload.ReadAsync(http.Request, options.Value, ct);
        if (problem is not null)
        {
            return problem;
        }

        var name = upload!.Name;
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return ApiProblems.Invalid("name", $"A prompt needs a name of 1 to {MaxNameLength} characters (?name=… or a 'name' form field).");
        }

        if (await db.Set<Prompt>().AnyAsync(p => p.Name == name, ct))
        {
            return ApiProblems.Conflict($"A prompt named '{name}' exists already.");
        }

        var wav = TenantAudioStore.Encode(upload.Samples);
        var tenantId = CurrentActor.Require(http.User).TenantId;
        if (await storage.RefusalAsync(tenantId, wav.Length, ct) is { } full)
        {
            return full.ToProblem();
        }

        var prompt = new Prompt
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Name = name,
            SourceType = upload.SourceType,
            DurationMs = (int)(upload.Samples.Length * 1000L / PromptAudioDecoder.SampleRate),
            SizeBytes = wav.Length,
            Sha256 = TenantAudioStore.Sha256(wav),
            CreatedAt = time.GetUtcNow(),
        };

        // The file first: a row never points at a missing file; a failed save leaves an unlisted file at worst.
        var path = store.PromptPath(prompt.TenantId, prompt.Id);
        await TenantAudioStore.WriteAsync(path, wav, ct);
        db.Set<Prompt>().Add(prompt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            TenantAudioStore.Delete(path);
            throw;
        }

        audit.Target("prompt", prompt.Id).Describe($"uploaded prompt '{prompt.Name}' ({upload.SourceType}, {prompt.DurationMs} ms)");
        return TypedResults.Created($"/api/v1/prompts/{prompt.Id}", PromptDto.From(prompt));
    }

    private static async Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, TenantAudioStore store, AuditScope audit, CancellationToken ct)
    {
        var prompt = await db.Set<Prompt>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (prompt is null)
        {
            return ApiProblems.NotFound();
        }

        if (await PromptUsage.FindAsync(db, id, ct) is { } user)
        {
            return ApiProblems.Conflict($"{user}; change that first.");
        }

        db.Set<Prompt>().Remove(prompt);
        await db.SaveChangesAsync(ct);
        TenantAudioStore.Delete(store.PromptPath(prompt.TenantId, prompt.Id));
        audit.Target("prompt", id).Describe($"deleted prompt '{prompt.Name}'");
        return TypedResults.NoContent();
    }
}
