namespace Parley.Server.Web.Admin;

/// <summary>An enum-backed choice as a person reads it: the API value and its label.</summary>
public sealed record ChoiceLabel(string Value, string Label);
