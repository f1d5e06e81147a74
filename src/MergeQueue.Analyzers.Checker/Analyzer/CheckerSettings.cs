using System;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MergeQueue.Analyzers.Analyzer;

/// <summary>The project-wide settings of SPEC §4, read from the MSBuild properties the package makes visible.</summary>
internal sealed record CheckerSettings(bool Enabled, int MaxStates, TimeSpan Timeout, int MaxMemoryMegabytes, bool ContinueAfterViolation = false, int Workers = 1)
{
    public const int DefaultMaxStates = 1_000_000;

    // The compiler must never take the machine down: without a setting, one model may grow the heap by 2 GB.
    public const int DefaultMaxMemoryMegabytes = 2048;

    // The compiler must never hang: without a setting, one model gets a minute.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static CheckerSettings Default { get; } = new(true, DefaultMaxStates, DefaultTimeout, DefaultMaxMemoryMegabytes);

    public static CheckerSettings Read(AnalyzerConfigOptions options) => new(
        Enabled: !options.TryGetValue("build_property.MergeQueueCheck", out var check)
            || !string.Equals(check.Trim(), "false", StringComparison.OrdinalIgnoreCase),
        MaxStates: ReadPositive(options, "build_property.MergeQueueMaxStates") ?? DefaultMaxStates,
        Timeout: ReadPositive(options, "build_property.MergeQueueTimeoutSeconds") is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : DefaultTimeout,
        MaxMemoryMegabytes: ReadPositive(options, "build_property.MergeQueueMaxMemoryMegabytes") ?? DefaultMaxMemoryMegabytes,
        ContinueAfterViolation: options.TryGetValue("build_property.MergeQueueContinueAfterViolation", out var continueAfter)
            && string.Equals(continueAfter.Trim(), "true", StringComparison.OrdinalIgnoreCase),
        Workers: ReadPositive(options, "build_property.MergeQueueWorkers") ?? 1);

    private static int? ReadPositive(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var text)
        && int.TryParse(text.Trim().Replace("_", string.Empty).Replace(",", string.Empty), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
        && value > 0
            ? value
            : null;
}
