using Parley.Analytics.Intervals;
using Parley.Analytics.Tallies;

namespace Parley.Analytics.Reports;

internal sealed class QueueAccumulator
{
    private int _offered;
    private int _answered;
    private int _abandoned;
    private int _inThreshold;
    private int _transfers;
    private TimeSpan _wait;
    private TimeSpan _maxWait;
    private TimeSpan _speed;
    private TimeSpan _handle;

    public void Add(ContactTally tally)
    {
        _offered += tally.Count;
        _wait += tally.TotalWait;
        _maxWait = tally.MaxWait > _maxWait ? tally.MaxWait : _maxWait;
        _transfers += tally.Transfers;
        _abandoned += tally.Abandoned ? tally.Count : 0;
        if (tally.Answered)
        {
            _answered += tally.Count;
            _speed += tally.TotalWait;
            _handle += tally.Handle;
            _inThreshold += tally.InThreshold;
        }
    }

    public QueueRow ToRow(IntervalSlot slot) =>
        new(slot, _offered, _answered, _abandoned, _inThreshold, _transfers, _wait, _maxWait, _speed, _handle);
}
