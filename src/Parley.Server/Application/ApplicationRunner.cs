using Parley.Data.Tenancy;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Application;

/// <summary>
/// Runs application services for callers outside an HTTP request (a Blazor circuit lives for hours; its scope must not hold a
/// DbContext that long). Each call gets a fresh scope bound to the actor's tenant. Commands are audited exactly like the REST
/// API's writes (action, target, summary from the service's <see cref="AuditScope"/>, the status REST would answer).
/// </summary>
public sealed class ApplicationRunner(IServiceScopeFactory scopes, AuditWriter audit)
{
    public async Task<T> QueryAsync<TService, T>(CurrentActor actor, Func<TService, CancellationToken, Task<T>> query, CancellationToken ct)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(actor.TenantId);
        return await query(scope.ServiceProvider.GetRequiredService<TService>(), ct);
    }

    public async Task<AppResult<T>> CommandAsync<TService, T>(
        CurrentActor actor, string action, Func<TService, CancellationToken, Task<AppResult<T>>> command, CancellationToken ct)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(actor.TenantId);
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            var result = await command(scope.ServiceProvider.GetRequiredService<TService>(), ct);
            status = AppProblems.StatusOf(result.Error);
            return result;
        }
        finally
        {
            var notes = scope.ServiceProvider.GetRequiredService<AuditScope>();
            await audit.AppendAsync(
                new AuditRecord(
                    actor.TenantId, actor.ActorType, actor.ActorId, actor.Name, action, notes.TargetType, notes.TargetId, notes.Summary ?? "",
                    SourceIp: null, AuditMiddleware.OutcomeOf(status), status),
                CancellationToken.None);
        }
    }
}
