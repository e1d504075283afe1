namespace Parley.Server.Audit;

public static class AuditEndpointExtensions
{
    /// <summary>Names the action recorded for writes through this endpoint.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditActionAttribute(action));

    /// <summary>Records every access through this endpoint, reads included, as <paramref name="action"/>.</summary>
    public static TBuilder AuditedRead<TBuilder>(this TBuilder builder, string action)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditActionAttribute(action) { IncludeReads = true });
}
