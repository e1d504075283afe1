using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Channels.WebChat;
using Parley.Data;
using Parley.Data.Entities.Chat;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.WebChat;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.WebChat;

namespace Parley.Server.Application.Admin;

/// <summary>
/// Web chat widgets for <c>/api/v1/webchat/widgets</c> and the console's <c>/admin/widgets</c>: list, read, create, update with
/// the version read (a different one is <see cref="AppErrorKind.Stale"/>), delete. A widget routes chats to a queue, so it needs
/// <c>queues.read</c>/<c>queues.write</c>; another tenant's widget is not found. A key is unique over all tenants.
/// </summary>
internal sealed class WidgetAdmin(ParleyDbContext db, TenantContext tenant, AuditScope audit, TimeProvider time)
{
    public const string DefaultColour = "#1565c0";

    public async Task<AppResult<ListPage<WidgetDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.QueuesRead) is { } refused)
        {
            return refused;
        }

        var rows = db.ChatWidgets.AsNoTracking();
        if (query.Needle is { } needle)
        {
            rows = rows.Where(w => w.Name.ToLower().Contains(needle) || w.Title.ToLower().Contains(needle) || w.Key.ToLower().Contains(needle));
        }

        var sorted = query.Sort switch
        {
            "title" => rows.SortBy(w => w.Title, query.Descending).ThenBy(w => w.Name),
            "key" => rows.SortBy(w => w.Key, query.Descending),
            _ => rows.SortBy(w => w.Name, query.Descending),
        };
        return AppResult<ListPage<WidgetDto>>.Ok(await sorted.ToListPageAsync(query, WidgetDto.From, ct));
    }

    public async Task<AppResult<WidgetDto>> GetAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.QueuesRead) is { } refused)
        {
            return refused;
        }

        return await db.ChatWidgets.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct) is { } widget
            ? AppResult<WidgetDto>.Ok(WidgetDto.From(widget))
            : AppError.NotFound();
    }

    /// <summary>The queues, flows and schedules a widget may name, by name.</summary>
    public async Task<AppResult<WidgetChoices>> ChoicesAsync(CurrentActor actor, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.QueuesRead) is { } refused)
        {
            return refused;
        }

        var queues = await db.Queues.AsNoTracking().OrderBy(q => q.Name).Select(q => new Choice(q.Id, q.Name)).ToListAsync(ct);
        var flows = await db.Flows.AsNoTracking().OrderBy(f => f.Name).Select(f => new Choice(f.Id, f.Name)).ToListAsync(ct);
        var schedules = await db.Schedules.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
        return AppResult<WidgetChoices>.Ok(new WidgetChoices(queues, flows, schedules));
    }

    /// <summary>Creates a widget; without <see cref="WidgetRequest.Key"/> a random key is chosen.</summary>
    public async Task<AppResult<WidgetDto>> CreateAsync(CurrentActor actor, WidgetRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.QueuesWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var widget = new ChatWidget
        {
            Id = Guid.CreateVersion7(), TenantId = actor.TenantId, Key = request.Key ?? WidgetsApi.NewKey(), Name = request.Name, Title = request.Title,
            CreatedAt = time.GetUtcNow(),
        };
        if (await ApplyAsync(request, widget, ct) is { } invalid)
        {
            return invalid;
        }

        db.ChatWidgets.Add(widget);
        await db.SaveChangesAsync(ct);
        audit.Target("chat-widget", widget.Id).Describe($"created chat widget '{widget.Name}'");
        return AppResult<WidgetDto>.Ok(WidgetDto.From(widget));
    }

    /// <summary>Replaces the widget if it is still at <paramref name="expectedVersion"/> (null: whatever it is now).</summary>
    public async Task<AppResult<WidgetDto>> UpdateAsync(CurrentActor actor, Guid id, long? expectedVersion, WidgetRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.QueuesWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var updated = await AdminWrites.UpdateAsync(db, db.ChatWidgets, w => w.Id == id, expectedVersion, w => ApplyAsync(request, w, ct), _ => db.SaveChangesAsync(ct), ct);
        return updated.Then(w => audit.Target("chat-widget", w.Id).Describe($"updated chat widget '{w.Name}'"), WidgetDto.From);
    }

    public async Task<AppResult<Done>> DeleteAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.QueuesWrite) is { } refused)
        {
            return refused;
        }

        var deleted = await AdminWrites.DeleteAsync(db, db.ChatWidgets, w => w.Id == id, _ => Task.FromResult<AppError?>(null), _ => db.SaveChangesAsync(ct), ct);
        return deleted.Then(w => audit.Target("chat-widget", id).Describe($"deleted chat widget '{w.Name}'"));
    }

    private async Task<AppError?> ApplyAsync(WidgetRequest request, ChatWidget widget, CancellationToken ct)
    {
        var origins = request.AllowedOrigins ?? [];
        if (origins.Count > 50)
        {
            return AppError.Invalid("allowedOrigins", "At most 50 origins.");
        }

        if (origins.Select(AllowedOrigins.Check).FirstOrDefault(e => e is not null) is { } badOrigin)
        {
            return AppError.Invalid("allowedOrigins", badOrigin);
        }

        var fields = request.PreChatFields ?? [];
        if (PreChatForm.CheckDefinition(fields) is { } badField)
        {
            return AppError.Invalid(badField.Field, badField.Message);
        }

        if (fields.FirstOrDefault(f => ReservedAttributes.Contains(f.Key)) is { } reserved)
        {
            return AppError.Invalid("preChatFields", $"Parley sets the attribute '{reserved.Key}' itself; give the field another key.");
        }

        if (await MissingChoiceAsync(request, ct) is { } missing)
        {
            return missing;
        }

        var key = request.Key ?? widget.Key;
        if (await db.ChatWidgets.IgnoreQueryFilters().AnyAsync(w => w.Key == key && w.Id != widget.Id, ct))
        {
            return AppError.Conflict("That widget key is taken.");
        }

        if (await db.ChatWidgets.AnyAsync(w => w.Name == request.Name && w.Id != widget.Id, ct))
        {
            return AppError.Conflict($"A widget named '{request.Name}' exists already.");
        }

        widget.Key = key;
        widget.Name = request.Name;
        widget.AllowedOrigins = JsonSerializer.Serialize(origins.Select(o => o.TrimEnd('/')).Distinct().ToList(), WidgetLookup.Json);
        widget.QueueId = request.QueueId;
        widget.FlowId = request.FlowId;
        widget.ScheduleId = request.ScheduleId;
        widget.PreChatFields = JsonSerializer.Serialize(fields, WidgetLookup.Json);
        widget.Colour = request.Colour ?? DefaultColour;
        widget.Title = request.Title;
        widget.Greeting = request.Greeting;
        widget.OfflineMessage = request.OfflineMessage;
        return null;
    }

    /// <summary>The first named queue, flow or schedule the tenant does not have (another tenant's is not found either).</summary>
    private async Task<AppError?> MissingChoiceAsync(WidgetRequest request, CancellationToken ct)
    {
        if (request.QueueId is { } queueId && !await db.Queues.AnyAsync(q => q.Id == queueId, ct))
        {
            return AppError.Invalid("queueId", "No such queue.");
        }

        if (request.FlowId is { } flowId && !await db.Flows.AnyAsync(f => f.Id == flowId, ct))
        {
            return AppError.Invalid("flowId", "No such flow.");
        }

        return request.ScheduleId is { } scheduleId && !await db.Schedules.AnyAsync(s => s.Id == scheduleId, ct)
            ? AppError.Invalid("scheduleId", "No such schedule.")
            : null;
    }
}
