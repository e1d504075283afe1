using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Parley.Data;
using Parley.Data.Entities.Recordings;
using Parley.Domain.Security;
using Parley.Server.Api.Calls;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Logging;
using Parley.Server.Recordings;

namespace Parley.Server.Api.Recordings;

/// <summary>
/// <c>/api/v1/recordings</c>: the tenant's call recordings, newest first, filtered and cursor-paged; one recording's
/// metadata; its audio (<c>audio/wav</c>, HTTP ranges); its deletion; its transcription. Reading a recording's metadata,
/// audio or transcription is audited like a write. Another tenant's recording answers 404 like a missing one.
/// </summary>
public static class RecordingsApi
{
    public static RouteGroupBuilder MapRecordingsApi(this RouteGroupBuilder api)
    {
        var recordings = api.MapGroup("/recordings").WithTags("Recordings");
        recordings.MapGet("/", ListAsync).RequirePermission(Permissions.RecordingsListen)
            .WithSummary("List recordings, newest first")
            .Produces<Page<RecordingDto>>()
            .ProducesValidationProblem();
        recordings.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.RecordingsListen).AuditedRead("recordings.read")
            .WithSummary("Get one recording's metadata")
            .Produces<RecordingDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        recordings.MapGet("/{id:guid}/audio", AudioAsync).RequirePermission(Permissions.RecordingsListen).AuditedRead("recordings.listen")
            .WithSummary("Stream or download the recording (audio/wav, HTTP range requests)")
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav")
            .Produces(StatusCodes.Status206PartialContent, contentType: "audio/wav")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        recordings.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.RecordingsDelete).Audited("recordings.delete")
            .WithSummary("Delete the recording's file (the metadata stays, marked deleted)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        recordings.MapPost("/{id:guid}/transcription", TranscribeAsync).RequirePermission(Permissions.RecordingsListen).Audited("recordings.transcribe")
            .WithSummary("Transcribe the recording in the background (speech to text per channel)")
            .Produces<TranscriptionDto>(StatusCodes.Status202Accepted)
            .Produces<TranscriptionDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        recordings.MapGet("/{id:guid}/transcription", TranscriptionAsync).RequirePermission(Permissions.RecordingsListen).AuditedRead("recordings.transcription.read")
            .WithSummary("Get the transcription: 202 while queued or running, 200 when done or failed")
            .Produces<TranscriptionDto>()
            .Produces<TranscriptionDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] RecordingListQuery query, CancellationToken ct)
    {
        if (!RecordingFilter.TryCreate(query, out var filter, out var errors))
        {
            return ApiProblems.Invalid(errors);
        }

        var page = new PageRequest(query.Limit, query.Cursor);
        if (page.LimitRefusal is { } refusedLimit)
        {
            return refusedLimit;
        }

        if (!CallCursor.TryDecode(page, out var cursor))
        {
            return ApiProblems.Invalid("cursor", "The cursor is not valid; start again without it.");
        }

        var rows = filter.Apply(db, db.Recordings.AsNoTracking());
        if (cursor is { } after)
        {
            var (at, id) = (after.ArrivedAt, after.Id);
            rows = rows.Where(r => r.StartedAt < at || (r.StartedAt == at && r.Id.CompareTo(id) < 0));
        }

        var limit = page.EffectiveLimit;
        var list = await rows.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(limit + 1).ToListAsync(ct);
        var next = list.Count > limit ? new CallCursor(list[limit - 1].StartedAt, list[limit - 1].Id).Encode() : null;
        return TypedResults.Ok(new Page<RecordingDto>(list.Take(limit).Select(RecordingDto.From).ToList(), next));
    }

    private static async Task<IResult> GetAsync(Guid id, ParleyDbContext db, AuditScope audit, CancellationToken ct)
    {
        audit.Target("recording", id);
        var row = await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return row is null ? ApiProblems.NotFound() : TypedResults.Ok(RecordingDto.From(row));
    }

    private static async Task<IResult> AudioAsync(Guid id, ParleyDbContext db, RecordingFiles files, AuditScope audit, HttpContext http, CancellationToken ct)
    {
        audit.Target("recording", id);
        var row = await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            return ApiProblems.NotFound();
        }

        if (row.DeletedAt is not null || files.PathOf(row) is not { } path || !File.Exists(path))
        {
            return Gone();
        }

        audit.Describe(http.Request.Headers.Range is { Count: > 0 } range ? "audio " + range.ToString() : "audio, whole file");
        return Results.File(
            path, "audio/wav", fileDownloadName: row.CallId.ToString("D") + ".wav", lastModified: row.EndedAt,
            entityTag: new EntityTagHeaderValue("\"" + row.Sha256 + "\""), enableRangeProcessing: true);
    }

    private static async Task<IResult> DeleteAsync(
        Guid id, ParleyDbContext db, RecordingFiles files, AuditScope audit, HttpContext http, TimeProvider time, ILogger<RecordingFiles> logger, CancellationToken ct)
    {
        audit.Target("recording", id);
        var row = await db.Recordings.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            return ApiProblems.NotFound();
        }

        if (row.DeletedAt is null)
        {
            RecordingDeletion.Delete(files, row, RecordingDeletion.Admin, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            RecordingMetrics.CountDeleted(RecordingDeletion.Admin, 1);
            Log.RecordingDeleted(logger, row.TenantId, row.Id, CurrentActor.From(http.User)?.Name ?? "unknown");
        }

        audit.Describe($"call {row.CallId}, started {row.StartedAt:O}");
        return TypedResults.NoContent();
    }

    private static async Task<IResult> TranscribeAsync(Guid id, ParleyDbContext db, RecordingTranscriptions transcriptions, AuditScope audit, CancellationToken ct)
    {
        audit.Target("recording", id);
        var row = await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            return ApiProblems.NotFound();
        }

        var outcome = await transcriptions.RequestAsync(db, row, ct);
        var location = $"/api/v1/recordings/{id}/transcription";
        return outcome switch
        {
            TranscriptionRequest.Gone => Gone(),
            TranscriptionRequest.Busy => TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Transcription queue full",
                detail: "This node is transcribing as many recordings as it queues; try again later."),
            TranscriptionRequest.AlreadyDone => TypedResults.Ok(await ReadAsync(db, transcriptions, id, ct)),
            _ => TypedResults.Accepted(location, await ReadAsync(db, transcriptions, id, ct)),
        };
    }

    private static async Task<IResult> TranscriptionAsync(Guid id, ParleyDbContext db, RecordingTranscriptions transcriptions, AuditScope audit, CancellationToken ct)
    {
        audit.Target("recording", id);
        var dto = await ReadAsync(db, transcriptions, id, ct);
        if (dto is null)
        {
            return ApiProblems.NotFound();
        }

        return dto.Status is TranscriptionStatus.Queued or TranscriptionStatus.Running ? TypedResults.Accepted((string?)null, dto) : TypedResults.Ok(dto);
    }

    private static async Task<TranscriptionDto?> ReadAsync(ParleyDbContext db, RecordingTranscriptions transcriptions, Guid id, CancellationToken ct)
    {
        var row = await db.Transcriptions.AsNoTracking().SingleOrDefaultAsync(t => t.RecordingId == id, ct);
        if (row is null)
        {
            return null;
        }

        var progress = row.Status == TranscriptionStatus.Done ? 100 : transcriptions.ProgressOf(id) ?? row.Progress;
        var segments = row.SegmentsJson is null ? null : JsonSerializer.Deserialize<List<TranscriptSegmentDto>>(row.SegmentsJson, JsonSerializerOptions.Web);
        return new TranscriptionDto(row.RecordingId, row.Status, progress, row.RequestedAt, row.CompletedAt, row.Engine, segments, row.Error);
    }

    private static IResult Gone() => TypedResults.Problem(
        statusCode: StatusCodes.Status410Gone, title: "Recording deleted", detail: "The recording's file was deleted (retention or an administrator).");
}
