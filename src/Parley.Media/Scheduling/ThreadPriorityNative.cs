using System.Runtime.InteropServices;

namespace Parley.Media.Scheduling;

/// <summary>Raises the calling thread's priority on Linux; every failure is ignored (no permission, not Linux).</summary>
internal static partial class ThreadPriorityNative
{
    private const int PrioProcess = 0;
    private const int SchedFifo = 1;

    /// <summary>Returns what was applied.</summary>
    public static ClockThreadPriority TryApplyToCurrentThread(ClockThreadPriority wanted)
    {
        if (wanted == ClockThreadPriority.Normal || !OperatingSystem.IsLinux())
        {
            return ClockThreadPriority.Normal;
        }

        try
        {
            if (wanted == ClockThreadPriority.Realtime)
            {
                var param = 10;
                if (SchedSetScheduler(0, SchedFifo, ref param) == 0)
                {
                    return ClockThreadPriority.Realtime;
                }
            }

            // On Linux the nice value is per thread and who = 0 means the calling thread.
            return SetPriority(PrioProcess, 0, -10) == 0 ? ClockThreadPriority.High : ClockThreadPriority.Normal;
        }
        catch (DllNotFoundException)
        {
            return ClockThreadPriority.Normal;
        }
        catch (EntryPointNotFoundException)
        {
            return ClockThreadPriority.Normal;
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SchedSetScheduler(int pid, int policy, ref int param);
}
