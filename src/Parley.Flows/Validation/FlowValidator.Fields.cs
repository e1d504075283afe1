using Parley.Flows.Expressions;
using Parley.Flows.Model;

namespace Parley.Flows.Validation;

/// <summary>Checks shared by several blocks: prompts, voices, languages, templates, variable names, required fields.</summary>
public sealed partial class FlowValidator
{
    private static void CheckPrompt(FlowPrompt? prompt, string p, bool required, FlowValidationContext context, List<FlowValidationError> errors)
    {
        if (prompt is null)
        {
            if (required)
            {
                errors.Add(new(p, FlowErrorKind.MissingField, "The field 'prompt' is required."));
            }
            return;
        }
        if (string.IsNullOrEmpty(prompt.Text) == string.IsNullOrEmpty(prompt.PromptId))
        {
            errors.Add(new(p, FlowErrorKind.MissingField, "A prompt has either 'text' or 'promptId', not both and not neither."));
        }
        if (prompt.Text is not null)
        {
            CheckTemplate(prompt.Text, p + "/text", errors);
        }
        if (!string.IsNullOrEmpty(prompt.PromptId) && context.References is { } refs && !refs.PromptExists(prompt.PromptId))
        {
            errors.Add(new(p + "/promptId", FlowErrorKind.UnknownPrompt, $"'{prompt.PromptId}' is not an uploaded prompt of this tenant."));
        }
        CheckVoice(prompt.Voice, p + "/voice", context, errors);
        CheckLanguage(prompt.Language, p + "/language", context, errors);
    }

    private static void CheckVoice(string? voice, string p, FlowValidationContext context, List<FlowValidationError> errors)
    {
        if (voice is not null && context.KnownVoices is { } voices && !voices.Contains(voice))
        {
            errors.Add(new(p, FlowErrorKind.UnknownVoice, $"'{voice}' is not a known voice; known voices are {string.Join(", ", voices.Order())}."));
        }
    }

    private static void CheckLanguage(string? language, string p, FlowValidationContext context, List<FlowValidationError> errors)
    {
        if (language is not null && context.KnownLanguages is { } languages && !languages.Contains(language))
        {
            errors.Add(new(p, FlowErrorKind.UnknownLanguage, $"'{language}' is not a known language; known languages are {string.Join(", ", languages.Order())}."));
        }
    }

    private static bool CheckTemplate(string text, string p, List<FlowValidationError> errors)
    {
        if (FlowTemplate.TryParse(text, out _, out var error))
        {
            return true;
        }
        errors.Add(new(p, FlowErrorKind.BadExpression, $"The text has a bad reference: {error}."));
        return false;
    }

    private static void CheckVariableName(string name, string p, List<FlowValidationError> errors)
    {
        if (!ExpressionReferences.IsVariableName(name))
        {
            errors.Add(new(p, FlowErrorKind.InvalidValue, $"'{name}' is not a valid variable name (letters, digits and _, not starting with a digit)."));
        }
    }

    private static bool Required(string? value, string p, string field, List<FlowValidationError> errors)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        errors.Add(new(p, FlowErrorKind.MissingField, $"The field '{field}' is required."));
        return false;
    }
}
