namespace Parley.Server.Options;

/// <summary>How the console log is written (<c>Parley:Logging:Format</c>).</summary>
public enum LogFormat
{
    /// <summary>JSON for the production default if unset and demo mode is off; demo mode's default is <see cref="Simple"/>.</summary>
    Auto,

    /// <summary>One JSON object per line with UTC timestamps: for log shippers.</summary>
    Json,

    /// <summary>Short human-readable lines; framework start-up chatter (Orleans, EF Core, ASP.NET Core) at warning.</summary>
    Simple,
}
