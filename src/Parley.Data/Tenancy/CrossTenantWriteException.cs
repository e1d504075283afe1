namespace Parley.Data.Tenancy;

/// <summary>Thrown when a unit of work tries to write a row of a tenant other than its own.</summary>
public sealed class CrossTenantWriteException(string entityType)
    : InvalidOperationException($"A {entityType} of another tenant cannot be written in this unit of work.");
