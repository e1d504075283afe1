namespace Parley.Flows.Execution;

/// <summary>Perform an HTTP request (the host applies the SSRF guard and the tenant's host allow-list), answer <see cref="HttpResultInput"/>.</summary>
public sealed record HttpRequestAction(string Method, string Url, string? JsonBody, TimeSpan Timeout) : FlowAction;
