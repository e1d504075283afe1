using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Server.Demo;
using Parley.Server.Logging;
using Parley.Server.Options;
using Parley.Server.Tenants;
using Parley.Server.Voice.Records;

namespace Parley.Server.Extensions;

/// <summary>
/// Migrates the database, closes the call records this node left open (<see cref="OpenCallCloser"/>, before SIP
/// listens), creates the first platform operator and, in demo mode, the demo tenant — behind the
/// readiness gate instead of before the host starts. The host starts its services one after another:
/// <list type="number">
/// <item><see cref="StartingAsync"/> runs before any service starts and only launches the work;</item>
/// <item>the services registered before this one (SIP listeners, Orleans silo) start while the database migrates;
/// <see cref="StartAsync"/> waits for the migrated database, because the services after it (webhook sender, HTTP
/// server) read it;</item>
/// <item>the platform operator and the demo tenant are seeded side by side while the HTTP server starts and its
/// first requests are compiled; <see cref="StartedAsync"/> waits for them, so the host reports started — and
/// <c>/health/ready</c> answers 200 — only once everything is done. A failure stops the start as before.</item>
/// </list>
/// </summary>
internal sealed class StartupWork(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    IOptions<DemoOptions> demo,
    DemoSeeder demoSeeder,
    OpenCallCloser openCalls,
    IConfiguration configuration,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedLifecycleService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger("Parley.Startup");
    private CancellationTokenSource? _abandon;
    private Task _migrated = Task.CompletedTask;
    private Task _done = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = _abandon.Token;
        _migrated = Task.Run(() => MigrateAndAuditAsync(token), token);
        _done = SeedAsync(_migrated, token);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => _migrated.WaitAsync(cancellationToken);

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        await _done.WaitAsync(cancellationToken);
        Log.StartupDone(_logger, StartupClock.Elapsed.TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>When the start is abandoned (another service failed), stops the work before the container goes away.</summary>
    public async ValueTask DisposeAsync()
    {
        // The container disposes this instance twice: as itself and as the hosted service.
        if (Interlocked.Exchange(ref _abandon, null) is not { } abandon)
        {
            return;
        }

        await abandon.CancelAsync();
        await _done.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        abandon.Dispose();
    }

    private async Task MigrateAndAuditAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        await RefuseDocumentedSecretsOffLoopbackAsync(cancellationToken);
        await openCalls.RunAsync(cancellationToken);
    }

    /// <summary>
    /// Before anything listens: accounts seeded with secrets published in the docs (an older demo data directory, or
    /// documented secrets set on loopback) must not be reachable off loopback, demo mode or not.
    /// </summary>
    private async Task RefuseDocumentedSecretsOffLoopbackAsync(CancellationToken cancellationToken)
    {
        var addresses = ListenAddresses.All(configuration);
        var http = addresses.FirstOrDefault(a => a.Service == "HTTP" && !a.IsLoopback);
        var sip = addresses.FirstOrDefault(a => a.Service == "SIP" && !a.IsLoopback);
        if (http is null && sip is null)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<KnownSecretsAudit>().FindAsync(http is not null, sip is not null, cancellationToken);
        if (found.Count > 0)
        {
            var exposed = http ?? sip!;
            var reason = $"{string.Join(", ", found)} still hold a secret published in Parley's documentation and {exposed.Service} listens off loopback "
                + $"({exposed.Address}, {exposed.Source}); start on loopback and change them (or suspend tenant demo), or start with a new data directory";
            Log.RefusingToStart(_logger, reason);
            throw new InvalidOperationException("Parley refuses to start: " + reason);
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (!database.Value.MigrateOnStart)
        {
            return;
        }

        var started = time.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        Log.DatabaseReady(_logger, db.Database.ProviderName ?? "?", pending);
        if (await new BuiltInRoleSync(db).RunAsync(cancellationToken) is > 0 and var updated)
        {
            Log.BuiltInRolesUpdated(_logger, updated);
        }

        Log.StartupStepDone(_logger, "database", time.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The platform operator and the demo tenant are independent, and both hash passwords (PBKDF2): side by side.</summary>
    private async Task SeedAsync(Task migrated, CancellationToken cancellationToken)
    {
        await migrated;
        var platform = Task.Run(() => BootstrapPlatformAsync(cancellationToken), cancellationToken);
        var demoTenant = demo.Value.Enabled ? Task.Run(() => SeedDemoAsync(cancellationToken), cancellationToken) : Task.CompletedTask;
        await Task.WhenAll(platform, demoTenant);
    }

    private async Task BootstrapPlatformAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformBootstrap>().RunAsync(cancellationToken);
        Log.StartupStepDone(_logger, "platform operator", time.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task SeedDemoAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await demoSeeder.RunAsync(cancellationToken);
        Log.StartupStepDone(_logger, "demo tenant", time.GetElapsedTime(started).TotalMilliseconds);
    }
}
