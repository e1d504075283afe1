namespace Parley.Sip.Tests.Torture;

/// <summary>What the RFC expects an element to do with a torture message: 0 = accept, -1 = discard, else the status code.</summary>
public static class TortureOutcome
{
    public const int Accept = 0;
    public const int Discard = -1;
}
