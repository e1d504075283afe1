namespace Parley.Data.Entities.Reports;

/// <summary>A stored sum of one UTC quarter hour of a tenant's records.</summary>
public interface IQuarterRow
{
    DateTimeOffset QuarterStart { get; }
}
