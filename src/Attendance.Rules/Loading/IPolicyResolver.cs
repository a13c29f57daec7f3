namespace Attendance.Rules.Loading;

/// <summary>Finds the text of a policy named by <c>extends</c>.</summary>
public interface IPolicyResolver
{
    /// <summary>Resolves a reference.</summary>
    /// <param name="reference">An embedded policy's id (<c>england-2024</c>) or a path relative to the extending file.</param>
    /// <param name="extendingFile">The name of the file that says <c>extends</c>.</param>
    /// <param name="text">The policy's text.</param>
    /// <param name="fileName">The name to report diagnostics against.</param>
    /// <returns>True where found.</returns>
    bool TryResolve(string reference, string extendingFile, out string text, out string fileName);
}
