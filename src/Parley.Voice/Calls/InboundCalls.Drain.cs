namespace Parley.Voice.Calls;

public sealed partial class InboundCalls
{
    /// <summary>
    /// Ends every call on this node because its drain limit was reached (<see cref="InboundCall.EndForDrain"/>: BYE, records
    /// closed with cause <c>node_drain</c>); completes once each is over and its records are saved. Returns how many it ended.
    /// </summary>
    public async Task<int> EndAllForDrainAsync()
    {
        var calls = _callers.Values.ToList();
        foreach (var call in calls)
        {
            call.EndForDrain();
        }

        await Task.WhenAll(calls.Select(c => c.Completion)).ConfigureAwait(false);
        return calls.Count;
    }
}
