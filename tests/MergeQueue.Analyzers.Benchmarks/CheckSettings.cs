/// <summary>How the corpus mode runs the compile-time check.</summary>
/// <param name="Run">False with --no-check.</param>
/// <param name="Workers">The analyzer's MergeQueueWorkers.</param>
/// <param name="Warm">Check each twin once, untimed, before the timed check.</param>
/// <param name="Allocations">Sample the timed check's allocations by type.</param>
internal sealed record CheckSettings(bool Run, int Workers, bool Warm, bool Allocations);
