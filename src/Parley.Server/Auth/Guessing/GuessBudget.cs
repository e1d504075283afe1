namespace Parley.Server.Auth.Guessing;

/// <summary>One bucket of failures a guess draws from: its key, how many failures it holds and how fast it refills.</summary>
public sealed record GuessBudget(string Key, GuessScope Scope, int Burst, TimeSpan Interval);
