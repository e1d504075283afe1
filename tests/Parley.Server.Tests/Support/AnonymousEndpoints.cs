namespace Parley.Server.Tests.Support;

/// <summary>
/// Endpoints that answer without authentication by design. Anything else that allows anonymous access is a bug;
/// adding to this list is a security decision that a reviewer must see.
/// </summary>
public static class AnonymousEndpoints
{
    public static IReadOnlySet<string> Patterns { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "/health/live",
        "/health/ready",
        "/metrics",
        "/openapi/{documentName}.json",
        "/sign-in",
        "/access-denied", // the static page a signed-in browser is sent to for a page its permissions do not include
        "/connect/token",
        "/api/v1/auth/sign-in",
        "/api/v1/auth/sign-out",
        // The web chat's visitors (docs/webchat.md): guarded by the widget's allowed origins, the session token and rate limits.
        // (Their socket, /webchat/{key}/ws, is no endpoint: ChatSocketMiddleware serves it ahead of routing, with the same checks.)
        "/webchat/{key}/config",
        "/webchat/{key}/chats",
        "/webchat/{key}/events",
        "/webchat/{key}/send",
        "/webchat/{key}/attachments",
        "/webchat/{key}/attachments/{id:guid}",
        "/webchat/{key}/transcript",
        "/webchat/{key}/{**rest}",
        "/demo/chat",
    };

    /// <summary>The API reference UI and its static assets (Scalar decides their file names).</summary>
    public const string ReferenceUiPrefix = "/scalar/";

    public static bool IsByDesign(string pattern) =>
        Patterns.Contains(pattern) || pattern.StartsWith(ReferenceUiPrefix, StringComparison.Ordinal);
}
