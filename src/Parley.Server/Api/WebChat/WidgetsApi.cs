using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Channels.WebChat;
using Parley.Data;
using Parley.Data.Entities.Chat;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.WebChat;

namespace Parley.Server.Api.WebChat;

/// <summary>
/// <c>/api/v1/webchat/widgets</c>: the tenant's chat widgets (key, allowed origins, target queue or flow, pre-chat form,
/// looks). A widget routes chats to a queue, so it needs the queue permissions: <c>queues.read</c> to read,
/// <c>queues.write</c> to change.
/// </summary>
public static class WidgetsApi
{
    private static readonly VersionedResource<ChatWidget, WidgetDto> Widgets = new("chat-widget", "/api/v1/webchat/widgets", db => db.ChatWidgets, w => w.Id, WidgetDto.From);

    public static RouteGroupBuilder MapWidgetsApi(this RouteGroupBuilder api)
    {
        var widgets = api.MapGroup("/webchat/widgets").WithTags("Web chat widgets");
        Widgets.MapReads(widgets, Permissions.QueuesRead, w => w.Name);
        widgets.MapPost("/", CreateAsync).RequirePermission(Permissions.QueuesWrite).Audited("webchat.widgets.create");
        widgets.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.QueuesWrite).Audited("webchat.widgets.update");
        widgets.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.QueuesWrite).Audited("webchat.widgets.delete");
        return api;
    }

    /// <summary>A random public key: 16 bytes, base64url (22 characters).</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Task<IResult> CreateAsync(WidgetRequest request, HttpContext http, ParleyDbContext db, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var widget = new ChatWidget
        {
            Id = Guid.CreateVersion7(), TenantId = CurrentActor.Require(http.User).TenantId, Key = request.Key ?? NewKey(), Name = request.Name,
            Title = request.Title, CreatedAt = time.GetUtcNow(),
        };
        return Widgets.CreateAsync(db, http, audit, widget, w => ApplyAsync(request, w, db, ct), w => $"created chat widget '{w.Name}'", ct);
    }

    private static Task<IResult> UpdateAsync(Guid id, WidgetRequest request, HttpContext http, ParleyDbContext db, AuditScope audit, CancellationToken ct) =>
        Widgets.UpdateAsync(db, http, audit, id, w => ApplyAsync(request, w, db, ct), w => $"updated chat widget '{w.Name}'", ct);

    private static Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, AuditScope audit, CancellationToken ct) =>
        Widgets.DeleteAsync(db, audit, id, VersionedResource<ChatWidget, WidgetDto>.Allowed, w => $"deleted chat widget '{w.Name}'", ct);

    private static async Task<IResult?> ApplyAsync(WidgetRequest request, ChatWidget widget, ParleyDbContext db, CancellationToken ct)
    {
        var origins = request.AllowedOrigins ?? [];
        if (origins.Count > 50)
        {
            return ApiProblems.Invalid("allowedOrigins", "At most 50 origins.");
        }

        if (origins.Select(AllowedOrigins.Check).FirstOrDefault(e => e is not null) is { } badOrigin)
        {
            return ApiProblems.Invalid("allowedOrigins", badOrigin);
        }

        var fields = request.PreChatFields ?? [];
        if (PreChatForm.CheckDefinition(fields) is { } badField)
        {
            return ApiProblems.Invalid(badField.Field, badField.Message);
        }

        if (request.QueueId is { } queueId && !await db.Queues.AnyAsync(q => q.Id == queueId, ct))
        {
            return ApiProblems.Invalid("queueId", "No such queue.");
        }

        if (request.FlowId is { } flowId && !await db.Flows.AnyAsync(f => f.Id == flowId, ct))
        {
            return ApiProblems.Invalid("flowId", "No such flow.");
        }

        if (request.ScheduleId is { } scheduleId && !await db.Schedules.AnyAsync(s => s.Id == scheduleId, ct))
        {
            return ApiProblems.Invalid("scheduleId", "No such schedule.");
        }

        var key = request.Key ?? widget.Key;
        if (await db.ChatWidgets.IgnoreQueryFilters().AnyAsync(w => w.Key == key && w.Id != widget.Id, ct))
        {
            return ApiProblems.Conflict("That widget key is taken.");
        }

        if (await db.ChatWidgets.AnyAsync(w => w.Name == request.Name && w.Id != widget.Id, ct))
        {
            return ApiProblems.Conflict($"A widget named '{request.Name}' exists already.");
        }

        widget.Key = key;
        widget.Name = request.Name;
        widget.AllowedOrigins = JsonSerializer.Serialize(origins.Select(o => o.TrimEnd('/')).Distinct().ToList(), WidgetLookup.Json);
        widget.QueueId = request.QueueId;
        widget.FlowId = request.FlowId;
        widget.ScheduleId = request.ScheduleId;
        widget.PreChatFields = JsonSerializer.Serialize(fields, WidgetLookup.Json);
        widget.Colour = request.Colour ?? "#1565c0";
        widget.Title = request.Title;
        widget.Greeting = request.Greeting;
        widget.OfflineMessage = request.OfflineMessage;
        return null;
    }
}
