namespace Parley.Flows.Execution;

/// <summary>What the host must do next. The host answers with a <see cref="FlowInput"/> and steps again.</summary>
public abstract record FlowAction
{
    /// <summary>True when the execution is over and the host must not step again.</summary>
    public virtual bool IsFinal => false;
}
