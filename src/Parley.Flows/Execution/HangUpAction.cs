namespace Parley.Flows.Execution;

/// <summary>End the call. Reasons: the block's reason, <c>end</c> (ran off the end), <c>step-limit</c>, <c>error</c>.</summary>
public sealed record HangUpAction(string Reason) : FlowAction
{
    public override bool IsFinal => true;
}
