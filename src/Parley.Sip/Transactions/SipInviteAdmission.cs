using Parley.Sip.Admission;
using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Transactions;

/// <summary>Decides on a new INVITE before its transaction exists; false when it was refused (and answered statelessly).</summary>
internal delegate bool SipInviteAdmission(SipRequest request, string transactionKey, ISipFlow flow, out SipAdmissionLease? lease);
