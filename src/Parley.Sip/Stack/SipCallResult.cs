using Parley.Sip.Dialogs;
using Parley.Sip.Messages;

namespace Parley.Sip.Stack;

/// <summary>Outcome of <see cref="SipStack.InviteAsync"/>: the final response and, on 2xx, the confirmed dialog.</summary>
public sealed record SipCallResult(int StatusCode, SipResponse Response, SipDialog? Dialog)
{
    public bool Answered => Dialog is not null;
}
