using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Data.Entities.Recordings;
using Parley.Server.Recordings;
using Parley.Server.Tenants;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Recordings;

/// <summary>The retention job on the fake clock, and a tenant's deletion taking its recordings with it.</summary>
public sealed class RecordingRetentionTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordingsOlderThanThePlansRetention_AreDeleted_OnceAndOnlyThose()
    {
        var tenant = await factory.CreateOtherTenantAsync("ret");
        var unlimited = await factory.CreateOtherTenantAsync("keep");
        await SetRetentionAsync(tenant.TenantId, 30);
        var now = factory.Time.GetUtcNow();
        var old = await AddRecordingAsync(tenant.TenantId, now.AddDays(-31), withFile: true);
        var oldWithoutFile = await AddRecordingAsync(tenant.TenantId, now.AddDays(-40), withFile: false);
        var recent = await AddRecordingAsync(tenant.TenantId, now.AddDays(-29), withFile: true);
        var oldOfUnlimited = await AddRecordingAsync(unlimited.TenantId, now.AddDays(-400), withFile: true);
        var job = factory.Services.GetRequiredService<RecordingRetentionJob>();

        var deleted = await job.RunOnceAsync(Ct);

        Assert.Equal(2, deleted);
        Assert.False(File.Exists(old.File));
        Assert.True(File.Exists(recent.File));
        Assert.True(File.Exists(oldOfUnlimited.File));
        Assert.Equal((Ms(now), "retention"), await DeletedAsync(old.Id));
        Assert.Equal((Ms(now), "retention"), await DeletedAsync(oldWithoutFile.Id));
        Assert.Null((await DeletedAsync(recent.Id)).At);
        Assert.Null((await DeletedAsync(oldOfUnlimited.Id)).At);
        Assert.Equal(0, await job.RunOnceAsync(Ct));

        // Two days later the recent one has passed its 30 days too (the hosted job's own timer may take it first).
        factory.Time.Advance(TimeSpan.FromDays(2));
        Assert.InRange(await job.RunOnceAsync(Ct), 0, 1);
        Assert.False(File.Exists(recent.File));
        Assert.Equal((Ms(factory.Time.GetUtcNow()), "retention"), await DeletedAsync(recent.Id));
    }

    [Fact]
    public async Task DeletingATenant_DeletesItsRecordingFiles_AndLeavesOthers()
    {
        var doomed = await factory.CreateOtherTenantAsync("gone");
        var other = await factory.CreateOtherTenantAsync("stay");
        var now = factory.Time.GetUtcNow();
        var doomedRecording = await AddRecordingAsync(doomed.TenantId, now, withFile: true);
        var otherRecording = await AddRecordingAsync(other.TenantId, now, withFile: true);

        Assert.True(await factory.Services.GetRequiredService<TenantAdministration>().DeleteAsync(doomed.TenantId, Ct));

        Assert.False(File.Exists(doomedRecording.File));
        Assert.False(Directory.Exists(factory.Services.GetRequiredService<RecordingFiles>().TenantDirectory(doomed.TenantId)));
        Assert.True(File.Exists(otherRecording.File));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Recordings.IgnoreQueryFilters().AnyAsync(r => r.TenantId == doomed.TenantId, Ct));
    }

    private async Task SetRetentionAsync(Guid tenantId, int days)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, Ct);
        tenant.Plan.RecordingRetentionDays = days;
        await db.SaveChangesAsync(Ct);
    }

    private async Task<(Guid Id, string File)> AddRecordingAsync(Guid tenantId, DateTimeOffset startedAt, bool withFile)
    {
        var id = Guid.CreateVersion7();
        var row = new RecordingRow
        {
            Id = id,
            TenantId = tenantId,
            CallId = Guid.CreateVersion7(),
            Path = $"{tenantId:D}/{startedAt:yyyy-MM-dd}/{id:D}.wav",
            StartedAt = startedAt,
            EndedAt = startedAt.AddMinutes(1),
            DurationMs = 60_000,
            SizeBytes = 4,
            Sha256 = new string('0', 64),
            ChannelLayout = "stereo:customer,agent",
        };
        var file = factory.Services.GetRequiredService<RecordingFiles>().PathOf(row)!;
        if (withFile)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, [1, 2, 3, 4], Ct);
        }

        await using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().OpenTenant(tenantId, out var db);
        db.Recordings.Add(row);
        await db.SaveChangesAsync(Ct);
        return (id, file);
    }

    private async Task<(DateTimeOffset? At, string? Reason)> DeletedAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Recordings.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == id, Ct);
        return (row.DeletedAt is { } at ? Ms(at) : null, row.DeletedReason);
    }

    /// <summary>Times as the database keeps them (milliseconds).</summary>
    private static DateTimeOffset Ms(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond), t.Offset);
}
