namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>One <c>[Action]</c> method.</summary>
/// <param name="Name">The method name.</param>
/// <param name="Fairness">The engine's <c>ActionFairness</c> member name.</param>
/// <param name="ReturnedFalse">For a <c>bool</c> action, the reason it gives when it returns false; null for <c>void</c>.</param>
/// <param name="Guard">Its leading <c>Require</c>s, when they can be tested apart from the body; null otherwise.</param>
/// <param name="Parameters">The parameter list as the driver interface declares it: fully qualified types, no attributes.</param>
/// <param name="ParameterNames">The parameter names, in order, as a log names them.</param>
/// <param name="FirstInstance">The number of its first instance; the others follow, the last parameter varying fastest.</param>
/// <param name="Domains">The values of each parameter.</param>
/// <param name="Groups">The fairness group of each instance, or one group for them all.</param>
/// <param name="GuardParameters">
/// How many leading parameters its guard reads: instances that agree on those share one guard test per state.
/// </param>
internal sealed record ActionSpec(
    string Name,
    string Fairness,
    string? ReturnedFalse,
    GuardSpec? Guard,
    string Parameters,
    EquatableArray<string> ParameterNames,
    int FirstInstance,
    EquatableArray<DomainSpec> Domains,
    EquatableArray<int> Groups,
    int GuardParameters)
{
    /// <summary>
    /// The name of its copy whose false <c>Require</c>s return their reason (<see cref="RunCopySpec"/>); null when the
    /// action itself runs.
    /// </summary>
    public string? RunCopy { get; init; }

    /// <summary>
    /// How many consecutive instances share one guard verdict: those differing only in the parameters after the ones
    /// the guard reads (the last parameter varies fastest).
    /// </summary>
    public int GuardBlock
    {
        get
        {
            int block = 1;
            for (int p = GuardParameters; p < Domains.Count; p++)
            {
                block *= Domains[p].Count;
            }

            return block;
        }
    }

    /// <summary>How many instances: the product of the domains' sizes.</summary>
    public int InstanceCount
    {
        get
        {
            int count = 1;
            foreach (var domain in Domains)
            {
                count *= domain.Count;
            }

            return count;
        }
    }
}
