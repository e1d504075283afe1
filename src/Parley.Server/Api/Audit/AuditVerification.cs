namespace Parley.Server.Api.Audit;

/// <summary>Result of re-computing a tenant's audit chain; <see cref="FirstBrokenSequence"/> is where it stops verifying.</summary>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstBrokenSequence, string? HeadHash);
