using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Channels.WebChat;
using Parley.Data;
using Parley.Data.Entities.Chat;
using Parley.Domain.Tenants;
using Parley.Server.Options;

namespace Parley.Server.WebChat;

/// <summary>Finds a widget by its public key (over all tenants: the key is the only thing a visitor brings) and reads its JSON columns.</summary>
internal static class WidgetLookup
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The widget of an active tenant, or null.</summary>
    public static async Task<ChatWidget?> FindAsync(ParleyDbContext db, string key, CancellationToken ct)
    {
        if (key.Length is 0 or > 64)
        {
            return null;
        }

        var widget = await db.ChatWidgets.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(w => w.Key == key, ct);
        return widget is not null && await db.Tenants.AnyAsync(t => t.Id == widget.TenantId && t.Status == TenantStatus.Active, ct) ? widget : null;
    }

    public static IReadOnlyList<string> Origins(ChatWidget widget) => JsonSerializer.Deserialize<List<string>>(widget.AllowedOrigins, Json) ?? [];

    public static IReadOnlyList<PreChatField> Fields(ChatWidget widget) => JsonSerializer.Deserialize<List<PreChatField>>(widget.PreChatFields, Json) ?? [];

    /// <summary>The request's Origin, or this server's own origin for a same-origin request that sent none (a same-origin GET).</summary>
    public static string? OriginOf(HttpRequest request, IServiceProvider services)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return origin;
        }

        return request.Headers["Sec-Fetch-Site"] == "same-origin" ? ServerOrigin(request, services) : null;
    }

    /// <summary>
    /// The origin <c>self</c> stands for: <c>Parley:PublicUrl</c>'s when it is set (the Host header is the client's claim,
    /// and a rebinding DNS name pointed at this server would otherwise be "self"); without it (a server on loopback: the
    /// start-up checks demand the setting off loopback) the Host only when it names loopback, else none.
    /// </summary>
    /// <remarks>
    /// <paramref name="services"/> is where the options are read: the request's services for an endpoint; a visitor socket's
    /// check passes its own scope's, since resolving from the request's services would keep a request scope for the
    /// socket's life.
    /// </remarks>
    public static string? ServerOrigin(HttpRequest request, IServiceProvider services)
    {
        var publicUrl = services.GetService<IOptions<ParleyOptions>>()?.Value.PublicUrl;
        if (Uri.TryCreate(publicUrl, UriKind.Absolute, out var configured))
        {
            return configured.GetLeftPart(UriPartial.Authority);
        }

        var host = request.Host.Host;
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address))
            ? $"{request.Scheme}://{request.Host.Value}"
            : null;
    }

    public static bool Allows(ChatWidget widget, HttpRequest request, IServiceProvider services) =>
        AllowedOrigins.Allows(Origins(widget), OriginOf(request, services), ServerOrigin(request, services));
}
