using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Parley.Server.WebChat;

/// <summary>
/// Signed, encrypted, time-limited session tokens for anonymous visitors (ASP.NET Core Data Protection, keys shared by
/// the nodes). The expiry is checked against the server's <see cref="TimeProvider"/> as well as by the protector.
/// </summary>
internal sealed class ChatSessionTokens(IDataProtectionProvider protection, IOptions<WebChatOptions> options, TimeProvider time)
{
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Parley.WebChat.Session.v1").ToTimeLimitedDataProtector();

    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid tenantId, Guid conversationId, Guid widgetId)
    {
        var expires = time.GetUtcNow() + options.Value.SessionLifetime;
        return (_protector.Protect($"{tenantId:N}.{conversationId:N}.{widgetId:N}", expires), expires);
    }

    /// <summary>The session, or null when the token is forged, damaged or expired.</summary>
    public ChatSession? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token, out var expires).Split('.');
            return parts.Length == 3 && expires > time.GetUtcNow()
                && Guid.TryParseExact(parts[0], "N", out var tenant) && Guid.TryParseExact(parts[1], "N", out var conversation)
                && Guid.TryParseExact(parts[2], "N", out var widget)
                ? new ChatSession(tenant, conversation, widget, expires)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
