using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using Parley.Data;
using Parley.Server.Logging;
using Parley.Server.Options;

namespace Parley.Server.Auth.Tokens;

/// <summary>
/// Reads the revoked, unexpired access tokens into <see cref="TokenRevocationList"/> at start and then every
/// <see cref="AccessTokenOptions.RevocationRefreshInterval"/>: one small query per interval per node, none per request.
/// </summary>
internal sealed class RevokedTokenRefresher(
    IServiceScopeFactory scopes, TokenRevocationList list, IOptions<AccessTokenOptions> options, TimeProvider time,
    ILogger<RevokedTokenRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RevocationRefreshInterval, time);
        do
        {
            try
            {
                list.Replace(await ReadAsync(stoppingToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.RevokedTokensReadFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<List<(string, DateTimeOffset)>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.Set<OpenIddictEntityFrameworkCoreToken>().AsNoTracking()
            .Where(t => t.Status == OpenIddictConstants.Statuses.Revoked && t.ExpirationDate > now)
            .Select(t => new { t.Id, t.ExpirationDate })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id!, new DateTimeOffset(DateTime.SpecifyKind(r.ExpirationDate!.Value, DateTimeKind.Utc)))).ToList();
    }
}
