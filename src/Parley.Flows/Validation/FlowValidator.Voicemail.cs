using Parley.Flows.Model;

namespace Parley.Flows.Validation;

public sealed partial class FlowValidator
{
    private static void CheckVoicemail(VoicemailBlock voicemail, string p, FlowValidationContext context, List<FlowValidationError> errors)
    {
        CheckPrompt(voicemail.Prompt, p + "/prompt", required: false, context, errors);
        if (Required(voicemail.Queue, p + "/queue", "queue", errors)
            && context.References is { } queues && !queues.QueueExists(voicemail.Queue!))
        {
            errors.Add(new(p + "/queue", FlowErrorKind.UnknownQueue, $"The tenant has no queue '{voicemail.Queue}'."));
        }
        if (voicemail.MaxSeconds is { } max && max is < VoicemailBlock.MinMaxSeconds or > VoicemailBlock.MaxMaxSeconds)
        {
            errors.Add(new(p + "/maxSeconds", FlowErrorKind.InvalidValue,
                $"A voicemail lasts between {VoicemailBlock.MinMaxSeconds} and {VoicemailBlock.MaxMaxSeconds} seconds."));
        }
    }
}
