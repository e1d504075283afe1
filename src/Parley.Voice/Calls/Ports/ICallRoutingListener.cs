namespace Parley.Voice.Calls.Ports;

/// <summary>What routing tells a queued call. Called from any thread; implementations only post to the call's mailbox.</summary>
public interface ICallRoutingListener
{
    void OnOffered(Guid agentId, DateTimeOffset expiresAt);

    /// <summary>The offer to <paramref name="agentId"/> is over (revoked, timed out, rejected).</summary>
    void OnOfferWithdrawn(Guid agentId, string reason);

    void OnMoved(Guid queueId);

    /// <summary>The interaction left routing without this call ending it (ended by someone else, overflow out of routing).</summary>
    void OnEnded(string reason);
}
