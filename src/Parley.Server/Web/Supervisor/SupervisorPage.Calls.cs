using Parley.Server.Application;
using Parley.Server.Application.Calls;

namespace Parley.Server.Web.Supervisor;

/// <summary>
/// The grid's call buttons: the same <see cref="CallSupervision"/> as <c>/api/v1/calls/{id}/monitor</c> and friends
/// (audited the same way). Joining waits for the supervisor's phone to answer; the page remembers which calls it joined
/// and in which mode, so a second mode button switches instead of ringing again.
/// </summary>
public sealed partial class SupervisorPage
{
    private readonly Dictionary<Guid, string> _monitoring = [];
    private bool _canMonitor;

    private async Task SuperviseAsync(CallAction action)
    {
        _busy = true;
        _error = null;
        try
        {
            var id = action.InteractionId;
            AppError? error;
            switch (action.Action)
            {
                case "listen" or "whisper" or "barge" when _monitoring.ContainsKey(id):
                    error = (await Run<Done>("calls.monitor.mode", (s, ct) => s.SetModeAsync(_actor, id, action.Action, ct))).Error;
                    break;
                case "listen" or "whisper" or "barge":
                    error = (await Run<MonitorJoined>("calls.monitor", (s, ct) => s.MonitorAsync(_actor, id, action.Action, ct))).Error;
                    break;
                case "intercept":
                    error = (await Run<Done>("calls.intercept", (s, ct) => s.InterceptAsync(_actor, id, ct))).Error;
                    break;
                case "release":
                    error = (await Run<Done>("calls.release", (s, ct) => s.ReleaseAsync(_actor, id, ct))).Error;
                    break;
                default:
                    error = (await Run<Done>("calls.monitor.leave", (s, ct) => s.LeaveAsync(_actor, id, ct))).Error;
                    break;
            }

            if (error is null && action.Action is "listen" or "whisper" or "barge")
            {
                _monitoring[id] = action.Action;
            }
            else if (error is null)
            {
                _monitoring.Remove(id);
            }

            _error = error is null ? null : $"{action.AgentName}'s call: {error.Detail}";
        }
        finally
        {
            _busy = false;
        }
    }

    private Task<AppResult<T>> Run<T>(string audited, Func<CallSupervision, CancellationToken, Task<AppResult<T>>> command) =>
        Runner.CommandAsync(_actor, audited, command, _disposed.Token);
}
