namespace Parley.Server.Logging;

/// <summary>Every log message of the server, source-generated. Event ids: 1xxx start-up (11xx liveness), 2xxx security, 3xxx audit, 4xxx tenants, 5xxx routing and webhooks, 8xxx web app.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Database ready ({Provider}); {Count} migrations applied")]
    public static partial void DatabaseReady(ILogger logger, string provider, int count);

    [LoggerMessage(1010, LogLevel.Information, "{Count} built-in roles given the permissions this release defines for them")]
    public static partial void BuiltInRolesUpdated(ILogger logger, int count);

    [LoggerMessage(1002, LogLevel.Information, "Demo tenant '{Tenant}' is ready")]
    public static partial void DemoSeeded(ILogger logger, string tenant);

    [LoggerMessage(1003, LogLevel.Critical, "Refusing to start: {Reason}")]
    public static partial void RefusingToStart(ILogger logger, string reason);

    [LoggerMessage(1004, LogLevel.Information, "Platform operator '{UserName}' created")]
    public static partial void OperatorCreated(ILogger logger, string userName);

    [LoggerMessage(1005, LogLevel.Information, "Created token signing key at {Path}")]
    public static partial void SigningKeyCreated(ILogger logger, string path);

    [LoggerMessage(1006, LogLevel.Information, "Start-up step '{Step}' done in {ElapsedMs:F0} ms")]
    public static partial void StartupStepDone(ILogger logger, string step, double elapsedMs);

    [LoggerMessage(1007, LogLevel.Information, "Start-up work done; {ElapsedMs:F0} ms since the server began")]
    public static partial void StartupDone(ILogger logger, double elapsedMs);

    [LoggerMessage(1008, LogLevel.Information, "{Count} endpoints built in {ElapsedMs:F0} ms, before the first request")]
    public static partial void EndpointsBuilt(ILogger logger, int count, double elapsedMs);

    [LoggerMessage(1009, LogLevel.Warning, "Building the endpoints before the first request failed; the first request will try again")]
    public static partial void EndpointsNotBuilt(ILogger logger, Exception exception);

    [LoggerMessage(1101, LogLevel.Error, "Main loop stalled: {Stall}; /health/live reports unhealthy and the watchdog is no longer fed")]
    public static partial void LoopStalled(ILogger logger, string stall);

    [LoggerMessage(1102, LogLevel.Information, "Main loop '{Loop}' is turning again")]
    public static partial void LoopRecovered(ILogger logger, string loop);

    [LoggerMessage(1103, LogLevel.Information, "systemd watchdog fed every {IntervalSeconds:F1} s while the main loops are live")]
    public static partial void WatchdogEnabled(ILogger logger, double intervalSeconds);

    [LoggerMessage(2001, LogLevel.Warning, "Sign-in failed for '{UserName}' in tenant '{Tenant}' from {SourceIp}: {Reason}")]
    public static partial void SignInFailed(ILogger logger, string userName, string tenant, string? sourceIp, string reason);

    [LoggerMessage(2003, LogLevel.Warning, "{Count} requests refused ({Kind}) in the last {IntervalSeconds} s from {Sources} sources; most from {TopSource} ({TopCount})")]
    public static partial void RequestsRefused(ILogger logger, long count, string kind, double intervalSeconds, int sources, string topSource, long topCount);

    [LoggerMessage(2004, LogLevel.Error, "Unhandled error on {Method} {Path}")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(2005, LogLevel.Warning, "{Method} {Path} answered 503: the tenant's grain is unreachable while its node is replaced ({Exception})")]
    public static partial void GrainUnreachable(ILogger logger, string method, string path, string exception);

    [LoggerMessage(2020, LogLevel.Warning, "Client authentication failed for '{ClientId}' from {SourceIp} at {Path}: {Error} {Description}")]
    public static partial void ClientAuthenticationFailed(ILogger logger, string? clientId, string? sourceIp, string path, string error, string? description);

    [LoggerMessage(2021, LogLevel.Information, "Session of user {UserId} ended ({Reason}); {Connections} hub connections closed")]
    public static partial void SessionEnded(ILogger logger, string userId, string reason, int connections);

    [LoggerMessage(2022, LogLevel.Information, "Hub connection {ConnectionId} of {ActorType} '{ActorId}' closed: {Reason}")]
    public static partial void HubConnectionClosed(ILogger logger, string connectionId, string actorType, string actorId, string reason);

    [LoggerMessage(2023, LogLevel.Error, "Revalidating hub connections failed; trying again at the next interval")]
    public static partial void HubRevalidationFailed(ILogger logger, Exception exception);

    [LoggerMessage(3001, LogLevel.Warning, "Audit append for tenant {TenantId} raced another writer (attempt {Attempt}); retrying")]
    public static partial void AuditAppendRetried(ILogger logger, Guid tenantId, int attempt);

    [LoggerMessage(3002, LogLevel.Error, "Reading the revoked access tokens failed; the list in memory stays as it was")]
    public static partial void RevokedTokensReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(4001, LogLevel.Information, "Tenant '{Slug}' ({TenantId}) {Change}")]
    public static partial void TenantChanged(ILogger logger, string slug, Guid tenantId, string change);

    [LoggerMessage(4002, LogLevel.Warning, "The audio files of deleted tenant {TenantId} could not all be removed from {Directory}; remove them by hand")]
    public static partial void TenantFilesLeft(ILogger logger, Exception exception, Guid tenantId, string directory);

    [LoggerMessage(5001, LogLevel.Error, "Dispatching {Count} routing events of tenant {TenantId} failed")]
    public static partial void RoutingDispatchFailed(ILogger logger, Exception exception, Guid tenantId, int count);

    [LoggerMessage(5002, LogLevel.Warning, "Webhook delivery {DeliveryId} to subscription {SubscriptionId} failed (attempt {Attempt}): {Reason}")]
    public static partial void WebhookAttemptFailed(ILogger logger, Guid deliveryId, Guid subscriptionId, int attempt, string reason);

    [LoggerMessage(5003, LogLevel.Error, "Webhook sender loop failed")]
    public static partial void WebhookLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(5004, LogLevel.Warning, "Webhook delivery {DeliveryId} to subscription {SubscriptionId} given up after {Attempts} attempt(s): {Reason}")]
    public static partial void WebhookDeliveryFailed(ILogger logger, Guid deliveryId, Guid subscriptionId, int attempts, string reason);

    [LoggerMessage(5005, LogLevel.Error, "Webhook deliveries of subscription {SubscriptionId} stopped; they stay pending and are picked up again")]
    public static partial void WebhookLaneFailed(ILogger logger, Exception exception, Guid subscriptionId);

    [LoggerMessage(5101, LogLevel.Warning, "The speech engine could not list its voices; flows may name the {Count} built-in voices")]
    public static partial void SpeechVoicesUnavailable(ILogger logger, Exception exception, int count);

    [LoggerMessage(5102, LogLevel.Warning, "A published flow's prompts could not be rendered ahead of time; calls will render them")]
    public static partial void PrerenderFailed(ILogger logger, Exception exception);
    [LoggerMessage(8001, LogLevel.Warning, "A web workspace subscriber of agent {AgentId} failed to take routing events")]
    public static partial void AgentSubscriberFailed(ILogger logger, Exception exception, string agentId);

    [LoggerMessage(8002, LogLevel.Warning, "The web workspace of agent {AgentId} could not re-read its state after routing events")]
    public static partial void WorkspaceRefreshFailed(ILogger logger, Exception exception, string agentId);
}
