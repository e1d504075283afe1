namespace Parley.Server.Api.Flows;

/// <summary>Optional body of a publish: <c>version</c> republishes that older version (a roll back); absent publishes the draft.</summary>
public sealed record FlowPublishRequest(int? Version);
