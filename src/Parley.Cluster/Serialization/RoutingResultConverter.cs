using Parley.Routing;

namespace Parley.Cluster.Serialization;

[RegisterConverter]
public sealed class RoutingResultConverter : IConverter<RoutingResult, RoutingResultSurrogate>
{
    public RoutingResult ConvertFromSurrogate(in RoutingResultSurrogate surrogate) => (RoutingResult)surrogate.Value;

    public RoutingResultSurrogate ConvertToSurrogate(in RoutingResult value) => new() { Value = (int)value };
}
