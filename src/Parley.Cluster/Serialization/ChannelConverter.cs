using Parley.Routing.Channels;

namespace Parley.Cluster.Serialization;

[RegisterConverter]
public sealed class ChannelConverter : IConverter<Channel, ChannelSurrogate>
{
    public Channel ConvertFromSurrogate(in ChannelSurrogate surrogate) => (Channel)surrogate.Value;

    public ChannelSurrogate ConvertToSurrogate(in Channel value) => new() { Value = (int)value };
}
