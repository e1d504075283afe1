namespace Parley.Flows.Model;

/// <summary>Returns from a subflow to the caller's <c>next</c>; in a top-level flow it ends the execution.</summary>
public sealed class ReturnBlock : FlowBlock
{
    protected override string TypeName => "return";
}
