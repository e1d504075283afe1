using Parley.Data.Entities.Acd;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Skills;

/// <summary><c>/api/v1/skills</c>: what agents know and queues require.</summary>
public static class SkillsApi
{
    private static readonly VersionedResource<Skill, SkillDto> Skills = new("skill", "/api/v1/skills", db => db.Skills, s => s.Id, SkillDto.From);

    public static RouteGroupBuilder MapSkillsApi(this RouteGroupBuilder api)
    {
        var skills = api.MapGroup("/skills").WithTags("Skills");
        Skills.MapReads(skills, Permissions.SkillsRead, s => s.Name);
        // Writes are mapped here, as method groups, so the request validation generator sees their bodies.
        skills.MapPost("/", CreateAsync).RequirePermission(Permissions.SkillsWrite).Audited("skills.create");
        skills.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.SkillsWrite).Audited("skills.update");
        skills.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.SkillsWrite).Audited("skills.delete");
        return api;
    }

    // The writes are the application layer's (SkillAdmin), shared with the admin console; REST adds If-Match and the ETag.
    private static async Task<IResult> CreateAsync(SkillRequest request, HttpContext http, SkillAdmin skills, CancellationToken ct) =>
        (await skills.CreateAsync(CurrentActor.Require(http.User), request, ct)).ToHttp(s => Tagged(http, s, TypedResults.Created($"/api/v1/skills/{s.Id}", s)));

    private static async Task<IResult> UpdateAsync(Guid id, SkillRequest request, HttpContext http, SkillAdmin skills, CancellationToken ct) =>
        IfMatch.Read(http, out var expected) ?? (await skills.UpdateAsync(CurrentActor.Require(http.User), id, expected, request, ct)).ToHttp(s => Tagged(http, s, TypedResults.Ok(s)));

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, SkillAdmin skills, CancellationToken ct) =>
        (await skills.DeleteAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static IResult Tagged(HttpContext http, SkillDto skill, IResult result)
    {
        ETags.Set(http, skill.Version);
        return result;
    }
}
