using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Data.Entities.Recordings;
using Parley.Media.Audio;
using Parley.Server.Extensions;
using Parley.Server.Logging;
using Parley.Server.Tenants;
using Parley.Speech.Transcription;

namespace Parley.Server.Recordings;

/// <summary>
/// One-click transcription: a request saves the recording's transcription row as <c>Queued</c> and puts it in this
/// node's bounded queue (<see cref="RecordingOptions.TranscriptionQueueLength"/>; full answers <see cref="TranscriptionRequest.Busy"/>).
/// One background loop takes them in order: reads the WAV, transcribes each channel with <see cref="ISpeechTranscriber"/>
/// (on the thread pool, never a media thread), and stores the segments per channel with their times and the words for
/// search. Progress is kept in memory while running. Transcriptions a stopped node left queued or running are queued
/// again when the server has started (<see cref="RequeueUnfinishedAsync"/>), and by the next request.
/// </summary>
internal sealed class RecordingTranscriptions(
    IServiceScopeFactory scopes,
    RecordingFiles files,
    ISpeechTranscriber engine,
    IOptions<RecordingOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<RecordingTranscriptions> logger) : BackgroundService
{
    private static readonly string[] ChannelNames = ["customer", "agent"];

    private readonly Channel<(Guid TenantId, Guid RecordingId)> _queue =
        Channel.CreateBounded<(Guid, Guid)>(new BoundedChannelOptions(options.Value.TranscriptionQueueLength) { SingleReader = true });

    private readonly ConcurrentDictionary<Guid, int> _pending = new();

    /// <summary>Progress (0..100) of a transcription queued or running on this node, or null.</summary>
    public int? ProgressOf(Guid recordingId) => _pending.TryGetValue(recordingId, out var progress) ? progress : null;

    /// <summary>Queues the transcription of <paramref name="recording"/> (read through the tenant's context <paramref name="db"/>).</summary>
    public async Task<TranscriptionRequest> RequestAsync(ParleyDbContext db, RecordingRow recording, CancellationToken ct)
    {
        if (recording.DeletedAt is not null)
        {
            return TranscriptionRequest.Gone;
        }

        var row = await db.Transcriptions.SingleOrDefaultAsync(t => t.RecordingId == recording.Id, ct);
        if (row is { Status: TranscriptionStatus.Done })
        {
            return TranscriptionRequest.AlreadyDone;
        }

        if (_queue.Reader.Count >= options.Value.TranscriptionQueueLength)
        {
            return TranscriptionRequest.Busy;
        }

        if (!_pending.TryAdd(recording.Id, 0))
        {
            return TranscriptionRequest.InProgress;
        }

        try
        {
            if (row is null)
            {
                row = new TranscriptionRow { RecordingId = recording.Id, TenantId = recording.TenantId, Status = TranscriptionStatus.Queued };
                db.Transcriptions.Add(row);
            }

            row.Status = TranscriptionStatus.Queued;
            row.Progress = 0;
            row.RequestedAt = time.GetUtcNow();
            row.CompletedAt = null;
            row.Error = null;
            await db.SaveChangesAsync(ct);
            if (!_queue.Writer.TryWrite((recording.TenantId, recording.Id)))
            {
                _pending.TryRemove(recording.Id, out _);
                return TranscriptionRequest.Busy;
            }

            return TranscriptionRequest.Queued;
        }
        catch
        {
            _pending.TryRemove(recording.Id, out _);
            throw;
        }
    }

    /// <summary>
    /// Queues the transcriptions left <c>Queued</c> or <c>Running</c> (a node stopped or crashed before finishing them), oldest
    /// first, as far as the queue has room; returns how many. Another node's running work may be done twice, which only
    /// rewrites the same segments.
    /// </summary>
    public async Task<int> RequeueUnfinishedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var unfinished = await db.Transcriptions.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.Status == TranscriptionStatus.Queued || t.Status == TranscriptionStatus.Running)
            .Select(t => new { t.TenantId, t.RecordingId, t.RequestedAt })
            .ToListAsync(ct);
        var queued = 0;
        foreach (var left in unfinished.OrderBy(t => t.RequestedAt).Take(options.Value.TranscriptionQueueLength))
        {
            if (_pending.TryAdd(left.RecordingId, 0))
            {
                if (_queue.Writer.TryWrite((left.TenantId, left.RecordingId)))
                {
                    queued++;
                }
                else
                {
                    _pending.TryRemove(left.RecordingId, out _);
                }
            }
        }

        if (queued > 0)
        {
            Log.TranscriptionsRequeued(logger, queued);
        }

        return queued;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WaitForStartAsync(stoppingToken); // the database is migrated by then

        await RequeueUnfinishedAsync(stoppingToken);
        await foreach (var (tenantId, recordingId) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await TranscribeAsync(tenantId, recordingId, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.TranscriptionFailed(logger, recordingId, exception);
                RecordingMetrics.CountTranscription("failed");
                await TryMarkFailedAsync(tenantId, recordingId, exception is InvalidDataException or IOException ? exception.Message : "The engine failed.");
            }
            finally
            {
                _pending.TryRemove(recordingId, out _);
            }
        }
    }

    private async Task TranscribeAsync(Guid tenantId, Guid recordingId, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.OpenTenant(tenantId, out var db);
        var recording = await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordingId, ct);
        var row = await db.Transcriptions.SingleOrDefaultAsync(t => t.RecordingId == recordingId, ct);
        if (recording is null || row is null)
        {
            return;
        }

        row.Status = TranscriptionStatus.Running;
        await db.SaveChangesAsync(ct);
        if (recording.DeletedAt is not null || files.PathOf(recording) is not { } path || !File.Exists(path))
        {
            throw new InvalidDataException("The recording's file is gone.");
        }

        var audio = WavReader.Read(path);
        var channels = audio.Format.Channels;
        var segments = new List<TranscriptSegmentDto>();
        for (var channel = 0; channel < Math.Min(channels, ChannelNames.Length); channel++)
        {
            var samples = ChannelSamples(audio, channel);
            var progress = new Progress(this, recordingId, channel, Math.Min(channels, ChannelNames.Length));
            foreach (var segment in await engine.TranscribeAsync(samples, progress, ct))
            {
                segments.Add(new TranscriptSegmentDto(
                    ChannelNames[channel], (long)segment.Start.TotalMilliseconds, (long)segment.End.TotalMilliseconds, segment.Text));
            }
        }

        segments = [.. segments.OrderBy(s => s.StartMs).ThenBy(s => s.Channel, StringComparer.Ordinal)];
        row.Status = TranscriptionStatus.Done;
        row.Progress = 100;
        row.CompletedAt = time.GetUtcNow();
        row.Engine = engine.Engine;
        row.SegmentsJson = JsonSerializer.Serialize(segments, JsonSerializerOptions.Web);
        row.Text = string.Join(' ', segments.Select(s => s.Text)).ToLowerInvariant();
        await db.SaveChangesAsync(ct);
        RecordingMetrics.CountTranscription("done");
        Log.TranscriptionDone(logger, recordingId, segments.Count, segments.Sum(s => s.Text.Split(' ').Length), Stopwatch.GetElapsedTime(started));
    }

    private static short[] ChannelSamples(WavAudio audio, int channel)
    {
        var channels = audio.Format.Channels;
        var samples = new short[audio.FrameCount];
        var data = audio.Data.AsSpan();
        for (var i = 0; i < samples.Length; i++)
        {
            var at = ((i * channels) + channel) * 2;
            samples[i] = (short)(data[at] | (data[at + 1] << 8));
        }

        return samples;
    }

    private async Task TryMarkFailedAsync(Guid tenantId, Guid recordingId, string error)
    {
        try
        {
            await using var scope = scopes.OpenTenant(tenantId, out var db);
            var row = await db.Transcriptions.SingleOrDefaultAsync(t => t.RecordingId == recordingId);
            if (row is not null)
            {
                row.Status = TranscriptionStatus.Failed;
                row.Error = error;
                row.CompletedAt = time.GetUtcNow();
                await db.SaveChangesAsync();
            }
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException)
        {
            Log.TranscriptionFailed(logger, recordingId, exception);
        }
    }

    /// <summary>Turns one channel's 0..1 into the whole job's 0..100.</summary>
    private sealed class Progress(RecordingTranscriptions owner, Guid recordingId, int channel, int channels) : IProgress<double>
    {
        public void Report(double value) =>
            owner._pending[recordingId] = (int)Math.Clamp(((channel + value) / channels) * 100, 0, 99);
    }
}
