using Parley.Server.Logging;

namespace Parley.Server.Auth.Guessing;

/// <summary>
/// Runs before authentication, where OpenIddict checks client secrets: a token or revocation request takes a failure
/// from its source's budget (shared with sign-ins) before the secret is checked, and gets it back on 200. A source
/// whose budget is empty gets 429 without its secret being checked.
/// </summary>
public sealed class ClientAuthenticationGuard(RequestDelegate next, GuessBudgets budgets, RefusalLog refusals)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method)
            || !(http.Request.Path.Equals("/connect/token", StringComparison.OrdinalIgnoreCase)
                 || http.Request.Path.Equals("/connect/revoke", StringComparison.OrdinalIgnoreCase)))
        {
            await next(http);
            return;
        }

        var source = http.Connection.RemoteIpAddress;
        var budget = budgets.ForClient(source);
        var admission = budgets.TryBegin(budget);
        if (!admission.Admitted)
        {
            refusals.Count("client-authentication", source?.ToString());
            await GuessRefusal.WriteAsync(http, admission);
            return;
        }

        await next(http);
        if (http.Response.StatusCode == StatusCodes.Status200OK)
        {
            budgets.Refund(budget);
        }
    }
}
