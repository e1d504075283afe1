namespace Parley.Media.Tests;

/// <summary>The same session behaviours with one async receive loop per socket (the portable path).</summary>
public sealed class MediaSessionWithAsyncReceiveTests() : MediaSessionTests(sharedReceiveThread: false, portBase: 42000);
