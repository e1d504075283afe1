namespace Parley.Flows.Validation;

public enum FlowErrorKind
{
    MalformedJson,
    UnknownBlockType,
    MissingField,
    InvalidValue,
    DuplicateBlockId,
    MissingStart,
    MissingTarget,
    UnreachableBlock,
    InputlessLoop,
    UnknownVoice,
    UnknownLanguage,
    UnknownQueue,
    UnknownFlow,
    UnknownSchedule,
    UnknownPrompt,
    BadExpression,
    BadRegularExpression,
    TooManyBlocks,
}
