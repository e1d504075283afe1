namespace Parley.Voice.Numbers;

/// <summary>
/// How a trunk writes numbers that are not in international form: <see cref="CountryCode"/> (e.g. <c>1</c>) is put in
/// front of national numbers after <see cref="NationalPrefix"/> (e.g. <c>1</c> in North America, <c>0</c> in most of
/// Europe) is dropped; <see cref="InternationalPrefix"/> (e.g. <c>00</c>, <c>011</c>) marks a number that already
/// carries its country code. <see cref="None"/> treats bare digits as international without the <c>+</c>.
/// </summary>
public sealed record NumberingRule(string? CountryCode = null, string? NationalPrefix = null, string? InternationalPrefix = null)
{
    public static NumberingRule None { get; } = new();
}
