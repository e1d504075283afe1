using System.Diagnostics.CodeAnalysis;

namespace Parley.Sip.Parsing;

internal static class SipThrowHelper
{
    [DoesNotReturn]
    public static void Throw(SipRejectionReason reason) => throw new SipParseException(reason);

    [DoesNotReturn]
    public static T Throw<T>(SipRejectionReason reason) => throw new SipParseException(reason);
}
