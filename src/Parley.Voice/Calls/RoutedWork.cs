namespace Parley.Voice.Calls;

/// <summary>
/// The ACD interaction an agent leg other than the call's first agent holds (a consultation taken from a queue, a direct
/// consultation, the second call of an attended transfer) and the queue it belongs to (null: not known here). After a
/// consult transfer it becomes the call's interaction. The call watches it, so that its end from outside (the agent
/// ending it through the API) ends the leg as it ends a queued call.
/// </summary>
/// <param name="StartedForConsultation">
/// Started when the agent answered a consultation rung to their own phone: if their leg ends before they take the customer
/// (cancelled, hung up), they never worked the call and the interaction ends without wrap-up.
/// </param>
internal readonly record struct RoutedWork(Guid InteractionId, Guid? QueueId, bool StartedForConsultation = false);
