namespace Parley.Server.Api.Calls;

/// <summary>Keys to send to the customer: 1 to 32 of 0-9, *, #, A-D.</summary>
public sealed record CallDigitsRequest(string? Digits);
