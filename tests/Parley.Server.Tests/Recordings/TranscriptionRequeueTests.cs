using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Data.Entities.Recordings;
using Parley.Server.Recordings;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Recordings;

/// <summary>
/// A transcription a stopped node left queued or running is taken up again when a server starts, instead of staying
/// "Queued" until someone asks for it a second time.
/// </summary>
public sealed class TranscriptionRequeueTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATranscriptionLeftRunningByAStoppedNode_IsQueuedAgain_AndFinishes()
    {
        var tenantId = await factory.DemoTenantIdAsync();
        var recordingId = Guid.CreateVersion7();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var now = factory.Time.GetUtcNow();
            db.Recordings.Add(new RecordingRow
            {
                Id = recordingId, TenantId = tenantId, CallId = Guid.CreateVersion7(), Path = "gone/" + recordingId + ".wav", Sha256 = new string('0', 64), ChannelLayout = "customer-left agent-right",
                StartedAt = now.AddMinutes(-2), EndedAt = now.AddMinutes(-1), DurationMs = 60_000,
            });
            db.Transcriptions.Add(new TranscriptionRow { RecordingId = recordingId, TenantId = tenantId, Status = TranscriptionStatus.Running, RequestedAt = now.AddMinutes(-1) });
            await db.SaveChangesAsync(Ct);
        }

        Assert.True(await factory.Services.GetRequiredService<RecordingTranscriptions>().RequeueUnfinishedAsync(Ct) >= 1);

        // Its file went with the node's disk here, so it ends Failed with the reason: what matters is that it ends.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var row = await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Transcriptions.IgnoreQueryFilters().AsNoTracking()
                .SingleAsync(t => t.RecordingId == recordingId, Ct);
            if (row.Status is TranscriptionStatus.Failed or TranscriptionStatus.Done)
            {
                Assert.Equal(TranscriptionStatus.Failed, row.Status);
                Assert.False(string.IsNullOrEmpty(row.Error));
                return;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail("The transcription left running was never taken up again.");
    }
}
