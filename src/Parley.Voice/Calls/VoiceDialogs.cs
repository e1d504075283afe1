using System.Collections.Concurrent;
using Parley.Sip.Dialogs;

namespace Parley.Voice.Calls;

/// <summary>
/// Which handler owns each live dialog, so <see cref="VoiceRouter"/> can hand it the dialog's later requests (BYE, INFO,
/// re-INVITE). Handlers that place their own calls (the legs towards agents) register those dialogs here too.
/// </summary>
public sealed class VoiceDialogs
{
    private readonly ConcurrentDictionary<SipDialog, VoiceCallHandler> _owners = new();

    public int Count => _owners.Count;

    public void Track(SipDialog dialog, VoiceCallHandler owner) => _owners[dialog] = owner;

    public bool TryGetOwner(SipDialog dialog, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out VoiceCallHandler? owner) =>
        _owners.TryGetValue(dialog, out owner);

    public bool TryRemove(SipDialog dialog, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out VoiceCallHandler? owner) =>
        _owners.TryRemove(dialog, out owner);
}
