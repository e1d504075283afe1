using System.Net;

namespace Parley.Media.Rtp;

/// <summary>Receives one datagram; the span and the address are only valid during the call.</summary>
public delegate void DatagramHandler(ReadOnlySpan<byte> datagram, SocketAddress source);
