namespace Parley.Domain.Tenants;

/// <summary>A row with an optimistic-concurrency version; the API exposes it as the ETag.</summary>
public interface IVersioned
{
    long Version { get; set; }
}
