namespace Parley.Voice.Calls;

/// <summary>
/// The ACD interaction an agent leg other than the call's first agent holds (a consultation taken from a queue, a direct
/// consultation, the second call of an attended transfer) and the queue it belongs to (null: not known here). After a
/// consult transfer it becomes the call's interaction.
/// </summary>
internal readonly record struct RoutedWork(Guid InteractionId, Guid? QueueId);
