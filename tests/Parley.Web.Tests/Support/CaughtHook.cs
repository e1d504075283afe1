namespace Parley.Web.Tests.Support;

/// <summary>One request a <see cref="HookCatcher"/> received.</summary>
public sealed record CaughtHook(IReadOnlyDictionary<string, string> Headers, string Body);
