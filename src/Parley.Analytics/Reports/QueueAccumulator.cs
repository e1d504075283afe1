using Parley.Analytics.Intervals;
using Parley.Analytics.Records;

namespace Parley.Analytics.Reports;

internal sealed class QueueAccumulator
{
    private int _offered;
    private int _answered;
    private int _inThreshold;
    private int _transfers;
    private TimeSpan _wait;
    private TimeSpan _maxWait;
    private TimeSpan _speed;
    private TimeSpan _handle;

    public void Add(ContactRecord contact, TimeSpan threshold)
    {
        _offered++;
        _wait += contact.Wait;
        _maxWait = contact.Wait > _maxWait ? contact.Wait : _maxWait;
        _transfers += contact.Transferred ? 1 : 0;
        if (!contact.Abandoned)
        {
            _answered++;
            _speed += contact.Wait;
            _handle += contact.Handle;
            _inThreshold += contact.Wait <= threshold ? 1 : 0;
        }
    }

    public QueueRow ToRow(IntervalSlot slot) =>
        new(slot, _offered, _answered, _offered - _answered, _inThreshold, _transfers, _wait, _maxWait, _speed, _handle);
}
