namespace Parley.Server.Audit;

public static class AuditEndpointExtensions
{
    /// <summary>Names the action recorded for writes through this endpoint.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditActionAttribute(action));
}
