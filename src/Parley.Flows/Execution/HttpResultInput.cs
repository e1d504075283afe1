namespace Parley.Flows.Execution;

/// <summary>The outcome of an <see cref="HttpRequestAction"/>: a status and body, or an error (timeout, refused by the SSRF guard, ...).</summary>
public sealed record HttpResultInput(int? StatusCode, string? Body, string? Error = null) : FlowInput
{
    public bool Succeeded => Error is null && StatusCode is >= 200 and < 300;
}
