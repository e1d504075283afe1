namespace Parley.Flows.Validation;

/// <summary>Answers whether the tenant has the things a flow names. The host loads them before validating.</summary>
public interface IFlowReferenceResolver
{
    bool QueueExists(string queue);
    bool FlowExists(string flowId);
    bool ScheduleExists(string scheduleId);

    /// <summary>Whether the tenant has the uploaded prompt a prompt's <c>promptId</c> names; a resolver that does not know says yes.</summary>
    bool PromptExists(string promptId) => true;
}
