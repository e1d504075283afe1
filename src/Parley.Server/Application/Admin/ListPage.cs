namespace Parley.Server.Application.Admin;

/// <summary>A window of a list and how many rows the whole (filtered) list has, for a pager.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total);
