using System;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Infrastructure;

/// <summary>
/// A heavy robustness family: thousands of inputs, some of them slow by design (a time limit to wait out). It runs
/// from tests/robustness.sh, which sets <c>MERGEQUEUE_FAMILY_INPUTS</c>; the normal test run skips it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RobustnessFactAttribute : FactAttribute
{
    public const string InputsVariable = "MERGEQUEUE_FAMILY_INPUTS";

    public RobustnessFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(InputsVariable)))
        {
            Skip = "heavy: tests/robustness.sh runs it";
        }
    }

    /// <summary>How many inputs a family tries: <c>MERGEQUEUE_FAMILY_INPUTS</c> scaled by the family's cost.</summary>
    public static int Inputs(double share = 1.0) =>
        Math.Max(1, (int)(int.Parse(Environment.GetEnvironmentVariable(InputsVariable) ?? "1", System.Globalization.CultureInfo.InvariantCulture) * share));
}
