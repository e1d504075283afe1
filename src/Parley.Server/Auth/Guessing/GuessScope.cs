namespace Parley.Server.Auth.Guessing;

/// <summary>What a budget counts: one source address, or one account (from one source or from all).</summary>
public enum GuessScope
{
    Source,
    Account,
}
