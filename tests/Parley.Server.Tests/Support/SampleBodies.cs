using Parley.Server.Api.Account;
using System.Text.Json;
using Parley.Server.Api.Agents;
using Parley.Server.Api.ApiClients;
using Parley.Server.Api.Flows;
using Parley.Server.Api.Interactions;
using Parley.Server.Api.NotReadyReasons;
using Parley.Server.Api.Numbers;
using Parley.Server.Api.Platform;
using Parley.Server.Api.Queues;
using Parley.Server.Api.Roles;
using Parley.Server.Api.Schedules;
using Parley.Server.Api.SipCredentials;
using Parley.Server.Api.Skills;
using Parley.Server.Api.TenantSettings;
using Parley.Server.Api.Trunks;
using Parley.Server.Api.Users;
using Parley.Server.Api.Webhooks;

namespace Parley.Server.Tests.Support;

/// <summary>
/// A valid JSON body for every request type an endpoint accepts, so that a request passes validation and reaches
/// the handler's tenant checks. The isolation test fails on an endpoint whose request type has no sample here.
/// </summary>
public static class SampleBodies
{
    private static readonly Dictionary<Type, string> ByRequestType = new()
    {
        // Sign-in of a user that does not exist: never signs the calling client into anything, never locks anyone out.
        [typeof(SignInRequest)] = """{"tenant":"demo","userName":"nobody-at-all","password":"Not-The-Password-1"}""",
        [typeof(CreateUserRequest)] = """{"userName":"sample-user","password":"Sample-Password-2026","displayName":"Sample","email":"sample@example.com","roles":["agent"]}""",
        [typeof(UpdateUserRequest)] = """{"displayName":"Changed by another tenant","email":"changed@example.com","roles":["agent"],"newPassword":"Changed-Password-2026"}""",
        [typeof(Parley.Server.Api.WrapUpCodes.WrapUpCodeAddRequest)] = """{"code":"sample-code","queueIds":[]}""",
        [typeof(Parley.Server.Api.WrapUpCodes.WrapUpCodeRenameRequest)] = """{"code":"renamed-by-another-tenant"}""",
        [typeof(RoleRequest)] = """{"name":"sample-role","description":"Sample","permissions":["users.read"]}""",
        [typeof(CreateApiClientRequest)] = """{"name":"Sample client","permissions":["users.read"]}""",
        [typeof(Parley.Server.Api.Interactions.SendChatMessageRequest)] = """{"text":"Sample reply"}""",
        [typeof(Parley.Server.Api.Interactions.ChatTypingRequest)] = """{"on":true}""",
        [typeof(Parley.Server.Api.WebChat.WidgetRequest)] = """{"name":"Sample widget","title":"Sample","allowedOrigins":["https://sample.example"]}""",
        [typeof(Parley.Server.WebChat.StartChatRequest)] = """{"preChat":{"name":"Sample"},"page":"https://sample.example/"}""",
        [typeof(Parley.Server.WebChat.TranscriptRequest)] = """{"email":"sample@example.com"}""",
        [typeof(SkillRequest)] = """{"name":"sample-skill","description":"Sample"}""",
        [typeof(Parley.Server.Application.CannedResponses.CannedResponseInput)] = """{"shortcut":"sample","title":"Sample","text":"Changed by another tenant"}""",
        [typeof(Parley.Server.Api.InternalChat.InternalMessageRequest)] = """{"text":"Hello from another tenant"}""",
        [typeof(Parley.Server.Application.Calls.DialRequest)] = """{"to":"+15559990001"}""",
        [typeof(Parley.Server.Application.Calls.CallbackOrder)] = """{"queueId":"0199a8e4-0000-7000-8000-000000000002","number":"+15559990002"}""",
        [typeof(Parley.Server.Application.Calls.MonitorRequest)] = """{"mode":"listen"}""",
        [typeof(Parley.Server.Api.Calls.CallDigitsRequest)] = """{"digits":"1"}""",
        [typeof(Parley.Server.Api.Calls.CallTransferBody)] = """{"to":{"queue":"0199a8e4-0000-7000-8000-000000000002"}}""",
        [typeof(Parley.Server.Api.Interactions.ChatTransferBody)] = """{"to":{"queue":"0199a8e4-0000-7000-8000-000000000002"},"note":"Sample note"}""",
        [typeof(Parley.Server.Api.Platform.PlanRequest)] = """{"voiceSeats":5,"digitalSeats":5}""",
        [typeof(NotReadyReasonRequest)] = """{"code":"sample-reason","name":"Sample"}""",
        [typeof(AgentRequest)] = """{"userId":"0199a8e4-0000-7000-8000-000000000001","displayName":"Sample","extension":"9999","skills":[],"capacities":{"Voice":1}}""",
        [typeof(AgentStateRequest)] = """{"state":"Available"}""",
        [typeof(AgentSignInRequest)] = """{}""",
        [typeof(QueueRequest)] = """{"name":"Sample queue","channels":["Voice"],"strategy":"LongestIdle"}""",
        [typeof(CreateInteractionRequest)] = """{"queueId":"0199a8e4-0000-7000-8000-000000000002","channel":"Voice","attributes":{"k":"v"}}""",
        [typeof(WrapUpRequest)] = """{"code":"resolved"}""",
        [typeof(WebhookRequest)] = """{"url":"https://203.0.113.10/sample","eventTypes":["interaction.offered"]}""",
        [typeof(SipCredentialRequest)] = """{"userId":"0199a8e4-0000-7000-8000-000000000001","sipUserName":"sample-sip","password":"Sample-Sip-2026"}""",
        [typeof(UpdateTenantRequest)] = """{"name":"Changed by another tenant","timeZone":"Asia/Shanghai"}""",
        [typeof(TenantSettingsRequest)] = """{"timeZone":"UTC"}""",
        // A flow document (the flows API takes the document itself as its body).
        [typeof(JsonElement)] = """{"name":"Sample flow","blocks":[{"type":"start","id":"start","next":"bye"},{"type":"hangUp","id":"bye"}]}""",
        [typeof(FlowTryRequest)] = """{"inputs":["1"]}""",
        [typeof(FlowPublishRequest)] = """{"version":1}""",
        [typeof(ScheduleRequest)] = """{"name":"Sample hours","timeZone":"UTC","weekly":[{"day":"Monday","open":"09:00","close":"17:00"}],"holidays":[]}""",
        [typeof(PointNumberRequest)] = """{"number":"+15550199999","targetKind":"None"}""",
        [typeof(NumberTargetRequest)] = """{"targetKind":"None"}""",
        [typeof(AssignNumberRequest)] = """{"number":"+15550188888","tenantId":"0199a8e4-0000-7000-8000-000000000003"}""",
        [typeof(TrunkRequest)] = """{"name":"Sample trunk","allowedAddresses":["198.51.100.0/24"]}""",
        [typeof(CreateTenantRequest)] = """{"slug":"sample-tenant","name":"Sample","adminUserName":"sample-admin","adminPassword":"Sample-Password-2026"}""",
    };

    public static bool TryGet(Type requestType, out string json) => ByRequestType.TryGetValue(requestType, out json!);
}
