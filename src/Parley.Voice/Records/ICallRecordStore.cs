namespace Parley.Voice.Records;

/// <summary>
/// Durable CDRs. Each save is an upsert by id that completes only once the record is committed (the store may group
/// concurrent saves into one transaction). Saves of one record are issued in order by its call.
/// </summary>
public interface ICallRecordStore
{
    ValueTask SaveCallAsync(CallRecord record, CancellationToken cancellationToken = default);

    ValueTask SaveLegAsync(CallLegRecord leg, CancellationToken cancellationToken = default);
}
