namespace Parley.Flows.Validation;

/// <summary>One problem with a flow: where (a JSON Pointer into the document, RFC 6901), what kind, and a plain sentence.</summary>
public sealed record FlowValidationError(string Pointer, FlowErrorKind Kind, string Message);
