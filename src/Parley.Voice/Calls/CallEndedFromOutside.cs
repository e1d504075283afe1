using Parley.Voice.Records;

namespace Parley.Voice.Calls;

/// <summary>Why, and by whom, a call was ended from outside whatever it was doing (a drain, a supervisor's release).</summary>
internal sealed record CallEndedFromOutside(string Cause, CallParty By);
