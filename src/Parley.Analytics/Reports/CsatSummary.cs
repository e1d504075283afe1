namespace Parley.Analytics.Reports;

/// <summary>Chat ratings of a range: count, mean score, CSAT (share of 4s and 5s) and how many of each score.</summary>
public sealed record CsatSummary(int Ratings, double? AverageScore, double? Csat, IReadOnlyList<int> CountByScore);
