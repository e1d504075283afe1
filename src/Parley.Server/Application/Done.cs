namespace Parley.Server.Application;

/// <summary>The value of a command that returns nothing but success.</summary>
public sealed record Done
{
    public static readonly Done Value = new();

    private Done()
    {
    }
}
