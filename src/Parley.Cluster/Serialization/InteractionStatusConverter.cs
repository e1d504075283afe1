using Parley.Routing.Interactions;

namespace Parley.Cluster.Serialization;

[RegisterConverter]
public sealed class InteractionStatusConverter : IConverter<InteractionStatus, InteractionStatusSurrogate>
{
    public InteractionStatus ConvertFromSurrogate(in InteractionStatusSurrogate surrogate) => (InteractionStatus)surrogate.Value;

    public InteractionStatusSurrogate ConvertToSurrogate(in InteractionStatus value) => new() { Value = (int)value };
}
