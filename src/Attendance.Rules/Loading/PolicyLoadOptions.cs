namespace Attendance.Rules.Loading;

/// <summary>How a policy is loaded: where <c>extends</c> resolves, and the limits on input.</summary>
public sealed record PolicyLoadOptions
{
    /// <summary>The defaults: embedded policies and, when loading from a path, files beside it; default limits.</summary>
    public static PolicyLoadOptions Default { get; } = new();

    /// <summary>Resolves <c>extends</c>; null for the default (embedded policies, plus files when loading from a path).</summary>
    public IPolicyResolver? Resolver { get; init; }

    /// <summary>Bounds on the input.</summary>
    public PolicyLoadLimits Limits { get; init; } = PolicyLoadLimits.Default;
}
