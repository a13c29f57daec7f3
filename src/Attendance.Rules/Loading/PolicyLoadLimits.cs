namespace Attendance.Rules.Loading;

/// <summary>
/// Bounds on what the loader reads, so a hostile file is refused quickly: size, nesting depth,
/// aliases, nodes (with aliases expanded), rules and line length.
/// </summary>
public sealed record PolicyLoadLimits
{
    /// <summary>The defaults: 1 MiB, depth 32, 64 aliases, 200,000 nodes, 1,000 rules, lines of 10,000 characters.</summary>
    public static PolicyLoadLimits Default { get; } = new();

    /// <summary>The largest policy file, in characters.</summary>
    public int MaxCharacters { get; init; } = 1 << 20;

    /// <summary>The deepest nesting of mappings and sequences.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>The most aliases (<c>*name</c>) in a file.</summary>
    public int MaxAliases { get; init; } = 64;

    /// <summary>The most nodes read, counting each alias's target again every time it is used.</summary>
    public int MaxNodes { get; init; } = 200_000;

    /// <summary>The most rules in a resolved policy.</summary>
    public int MaxRules { get; init; } = 1_000;

    /// <summary>The longest line, in characters.</summary>
    public int MaxLineLength { get; init; } = 10_000;

    /// <summary>The longest chain of <c>extends</c>.</summary>
    public int MaxExtendsDepth { get; init; } = 8;
}
