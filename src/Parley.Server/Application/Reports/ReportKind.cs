namespace Parley.Server.Application.Reports;

/// <summary>A report's name in the API's path and its title on the page.</summary>
public sealed record ReportKind(string Kind, string Title);
