namespace Parley.Server.Auth.Guessing;

/// <summary>Whether a guess may be checked; if not, which budget is empty and when it holds a guess again.</summary>
public readonly record struct GuessAdmission(bool Admitted, GuessScope RefusedBy, TimeSpan RetryAfter)
{
    public static GuessAdmission Admit { get; } = new(true, GuessScope.Source, TimeSpan.Zero);
}
