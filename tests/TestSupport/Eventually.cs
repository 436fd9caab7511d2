namespace Preventiemonitor.TestSupport;

/// <summary>Waits for a condition with a timeout, polling; never a fixed sleep.</summary>
public static class Eventually
{
    public static async Task<T> WaitForAsync<T>(
        Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = await probe().ConfigureAwait(false);
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached within {timeout.TotalSeconds:0} s: {what} (last value: {last}).");
            }

            await Task.Delay(100).ConfigureAwait(false);
            last = await probe().ConfigureAwait(false);
        }

        return last;
    }
}
