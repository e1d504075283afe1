using Parley.Flows.Validation;

namespace Parley.Server.Application.Admin;

/// <summary>A draft ready to store: its name, its text as sent and what validation found.</summary>
internal sealed record FlowDraft(string Name, string Json, FlowValidationResult Result);
