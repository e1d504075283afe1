using System.Net;

namespace Parley.Sip.Defence;

/// <summary>
/// A block the digest guard started: <paramref name="Source"/> is refused for <paramref name="Account"/> ("*" when the
/// scope is <see cref="SipAuthBlockScope.Source"/>) for <paramref name="CoolDown"/>, after <paramref name="Failures"/>
/// failures (for a source block: the distinct accounts it failed on).
/// </summary>
public sealed record SipAuthBlock(IPAddress Source, string Account, SipAuthBlockScope Scope, int Failures, TimeSpan CoolDown);
