namespace Parley.Server.Web.Admin;

/// <summary>One limit of a plan on the form: its REST name (for field errors), its label and how to read and write it.</summary>
public sealed record PlanField(string Name, string Label, Func<PlanFields, int?> Get, Action<PlanFields, int?> Set);
