using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Parley.Interop.Tests.Support;

/// <summary>Reads the demo tenant's call records (CDRs) through the API, as an admin (permission <c>calls.read</c>).</summary>
internal static class CallRecords
{
    /// <summary>
    /// Polls <c>GET /api/v1/calls</c> for the newest call from <paramref name="callerNumber"/> that arrived at or after
    /// <paramref name="since"/> until <paramref name="condition"/> holds on it; then returns <c>GET /api/v1/calls/{id}</c>.
    /// </summary>
    public static async Task<JsonElement> WaitForAsync(
        HttpClient admin, string callerNumber, DateTimeOffset since, Func<JsonElement, bool> condition, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"/api/v1/calls?callerNumber={Uri.EscapeDataString(callerNumber)}&from={Uri.EscapeDataString(since.ToString("O", CultureInfo.InvariantCulture))}&limit=5");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        JsonElement? last = null;
        try
        {
            while (true)
            {
                var page = await admin.GetFromJsonAsync<JsonElement>(query, cts.Token);
                var newest = page.GetProperty("items").EnumerateArray().Select(c => (JsonElement?)c).FirstOrDefault();
                last = newest;
                if (newest is { } call && condition(call))
                {
                    return await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{call.GetProperty("id").GetGuid()}", cts.Token);
                }

                await ticker.WaitForNextTickAsync(cts.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{what}: not within {timeout}. Newest record: {last?.ToString() ?? "none"}");
        }
    }

    public static bool Has(this JsonElement call, string property) =>
        call.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null;

    public static DateTimeOffset At(this JsonElement call, string property) => call.GetProperty(property).GetDateTimeOffset();
}
