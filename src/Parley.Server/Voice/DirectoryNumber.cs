using Parley.Voice.Numbers;

namespace Parley.Server.Voice;

/// <summary>One assigned number as the SIP edge sees it.</summary>
internal sealed record DirectoryNumber(Guid Id, Guid TenantId, string TenantSlug, InboundTargetKind TargetKind, Guid? TargetId);
