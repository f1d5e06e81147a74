using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.Diagnostics;

/// <summary>Every diagnostic the checker reports; the README's rule table has an anchor per id.</summary>
internal static class DiagnosticDescriptors
{
    public const string InvariantViolatedId = "SM0001";
    public const string StuckId = "SM0002";
    public const string LivenessViolatedId = "SM0003";
    public const string ExecutionFailedId = "SM0004";
    public const string ExplorationBoundedId = "SM0005";
    public const string ActionNeverEnabledId = "SM0006";
    public const string NeverReachedId = "SM0007";
    public const string StepInvariantViolatedId = "SM0008";
    public const string StatisticsId = "SM0010";
    public const string UnsupportedConstructId = "SM0100";
    public const string PropertyNotBoolId = "SM0101";
    public const string ParameterWithoutDomainId = "SM0102";
    public const string EmptyDomainId = "SM0103";
    public const string ActionReturnTypeId = "SM0104";
    public const string LeadsToTargetId = "SM0105";
    public const string InvalidModelClassId = "SM0106";
    public const string InvalidDomainId = "SM0107";
    public const string SharedMutableStateId = "SM0108";
    public const string NoActionsId = "SM0109";
    public const string InvalidMemberId = "SM0110";
    public const string NotPartialId = "SM0111";
    public const string NoExplorerId = "SM0112";
    public const string InitialConstructorId = "SM0113";
    public const string StepInvariantSignatureId = "SM0114";
    public const string FairnessGroupMismatchId = "SM0115";
    public const string TooManyInstancesId = "SM0116";
    public const string HiddenPartId = "SM0117";

    /// <summary>Verdicts about the model's behavior.</summary>
    public const string VerificationCategory = "StateMachine.Verification";

    /// <summary>Mistakes in how the model is written.</summary>
    public const string ModelCategory = "StateMachine.Model";

    public const string HelpLinkBase = "https://github.com/MergeQueue/MergeQueue.Analyzers/blob/main/README.md#";

    // Verification messages carry the whole report (summary line, then the trace) as their one argument.
    public static readonly DiagnosticDescriptor InvariantViolated = Verification(
        InvariantViolatedId, "Invariant violated", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor Stuck = Verification(
        StuckId, "The state machine gets stuck", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor LivenessViolated = Verification(
        LivenessViolatedId, "Liveness property violated", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ExecutionFailed = Verification(
        ExecutionFailedId, "The model threw or an assertion failed", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ExplorationBounded = Verification(
        ExplorationBoundedId, "Exploration stopped by a bound", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ActionNeverEnabled = Verification(
        ActionNeverEnabledId, "Action never enabled", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NeverReached = Verification(
        NeverReachedId, "Reachable property holds in no reachable state", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor StepInvariantViolated = Verification(
        StepInvariantViolatedId, "Step invariant violated", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor Statistics = new(
        StatisticsId,
        "Exploration statistics",
        "{0}",
        VerificationCategory,
        DiagnosticSeverity.Info,
        isEnabledByDefault: false,
        helpLinkUri: HelpLinkBase + StatisticsId.ToLowerInvariant());

    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        UnsupportedConstructId,
        "Construct not supported by the compile-time checker",
        "The compile-time checker cannot interpret {0}; '{1}' was not checked at compile time",
        ModelCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + UnsupportedConstructId.ToLowerInvariant());

    public static readonly DiagnosticDescriptor PropertyNotBool = ModelError(
        PropertyNotBoolId, "Property member must return bool",
        "[{0}] member '{1}' returns {2}: a property is a bool method or a bool property");

    public static readonly DiagnosticDescriptor ParameterWithoutDomain = ModelError(
        ParameterWithoutDomainId, "Parameter has no domain",
        "Parameter '{0}' of '{1}' has no domain: add [Range(min, max)] or [Values(...)] (bool and enum parameters need none)");

    public static readonly DiagnosticDescriptor EmptyDomain = ModelError(
        EmptyDomainId, "Empty domain",
        "Parameter '{0}' of '{1}' has an empty domain ({2}): give it at least one value, e.g. [Range(0, 2)]");

    public static readonly DiagnosticDescriptor ActionReturnType = ModelError(
        ActionReturnTypeId, "Action must return void or bool",
        "[Action] '{0}' returns {1}: an action returns void, or bool where false means it is not enabled");

    public static readonly DiagnosticDescriptor LeadsToTarget = ModelError(
        LeadsToTargetId, "Invalid [LeadsTo] target",
        "[LeadsTo] on '{0}' names '{1}', which {2}: name a bool method or property of this class that takes the same parameters as '{0}', or none");

    public static readonly DiagnosticDescriptor InvalidModelClass = ModelError(
        InvalidModelClassId, "Invalid [StateMachine] class",
        "[StateMachine] class '{0}' {1}: a model is a non-generic, non-static, non-abstract class that derives from nothing but object");

    public static readonly DiagnosticDescriptor InvalidDomain = ModelError(
        InvalidDomainId, "Invalid domain",
        "The domain of parameter '{0}' of '{1}' is invalid: {2}");

    public static readonly DiagnosticDescriptor SharedMutableState = ModelError(
        SharedMutableStateId, "Mutable object shared within the state",
        "One mutable object is shared by {0} and {1} in the state of '{2}': give each place its own copy");

    public static readonly DiagnosticDescriptor NoActions = ModelError(
        NoActionsId, "Model without actions",
        "[StateMachine] class '{0}' has no [Action] method: add at least one, e.g. '[Action] void Step() {{ ... }}'");

    public static readonly DiagnosticDescriptor InvalidMember = ModelError(
        InvalidMemberId, "Invalid model member",
        "[{0}] on '{1}' is not allowed: {2}");

    public static readonly DiagnosticDescriptor NoExplorer = new(
        NoExplorerId,
        "No Explore() is generated for the model",
        "No Explore() is generated for '{0}': {1}",
        ModelCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + NoExplorerId.ToLowerInvariant());

    public static readonly DiagnosticDescriptor InitialConstructor = ModelError(
        InitialConstructorId, "More than one constructor builds the initial states",
        "[StateMachine] class '{0}' has {1} constructors that could build its initial states: a model starts from one constructor whose parameters have domains (every combination of values is an initial state), or from its parameterless constructor; remove the domains of the others, or make them call that one");

    public static readonly DiagnosticDescriptor StepInvariantSignature = ModelError(
        StepInvariantSignatureId, "Invalid [StepInvariant] member",
        "[StepInvariant] '{0}' {1}: a step invariant is a bool method of the model taking the state before the step, 'bool {0}({2} before)', and reading the state after it as this");

    public static readonly DiagnosticDescriptor FairnessGroupMismatch = ModelError(
        FairnessGroupMismatchId, "Actions of one FairnessGroup differ",
        "Actions '{0}' and '{1}' of FairnessGroup \"{2}\" {3}: the actions of one group are fair as one action, so they declare the same Fairness and the same [Process] parameters");

    public static readonly DiagnosticDescriptor TooManyInstances = ModelError(
        TooManyInstancesId, "Too many combinations of argument values",
        "'{0}' has {1} instances ({2} values); the checker runs at most {3} per member in every state: narrow the domains, e.g. [Range(0, 2)] as TLC models use small constants");

    public static readonly DiagnosticDescriptor HiddenPart = ModelError(
        HiddenPartId, "Part of the model is in a file treated as generated code",
        "Part of [StateMachine] class '{0}' is in '{1}', which the compiler treats as generated code ({2}): analyzers never see its members, so '{0}' is not checked; rename the file, or set 'generated_code = false' for it in .editorconfig");

    public static readonly DiagnosticDescriptor NotPartial = new(
        NotPartialId,
        "Model class is not partial",
        "[StateMachine] class '{0}' is not partial: the generated Explore() for tests and deep runs needs 'partial class {0}'",
        ModelCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + NotPartialId.ToLowerInvariant());

    /// <summary>Every descriptor, for <c>SupportedDiagnostics</c> and the convention tests.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        InvariantViolated,
        Stuck,
        LivenessViolated,
        ExecutionFailed,
        ExplorationBounded,
        ActionNeverEnabled,
        NeverReached,
        StepInvariantViolated,
        Statistics,
        UnsupportedConstruct,
        PropertyNotBool,
        ParameterWithoutDomain,
        EmptyDomain,
        ActionReturnType,
        LeadsToTarget,
        InvalidModelClass,
        InvalidDomain,
        SharedMutableState,
        NoActions,
        InvalidMember,
        NotPartial,
        NoExplorer,
        InitialConstructor,
        StepInvariantSignature,
        FairnessGroupMismatch,
        TooManyInstances,
        HiddenPart);

    private static DiagnosticDescriptor Verification(string id, string title, DiagnosticSeverity severity) => new(
        id,
        title,
        "{0}",
        VerificationCategory,
        severity,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + id.ToLowerInvariant());

    private static DiagnosticDescriptor ModelError(string id, string title, string message) => new(
        id,
        title,
        message,
        ModelCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
