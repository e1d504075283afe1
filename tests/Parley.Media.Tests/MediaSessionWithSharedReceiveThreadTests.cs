namespace Parley.Media.Tests;

/// <summary>The session behaviours with the epoll receive thread (the default on Linux x64).</summary>
public sealed class MediaSessionWithSharedReceiveThreadTests() : MediaSessionTests(sharedReceiveThread: true, portBase: 41000);
