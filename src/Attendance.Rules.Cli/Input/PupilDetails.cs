namespace Attendance.Rules.Cli.Input;

/// <summary>A pupil's name and one contact, from the pupils file's optional columns (empty where not given).</summary>
/// <param name="Name">The pupil's name (<c>name</c>).</param>
/// <param name="ContactName">The parent or carer the letter is addressed to (<c>contact_name</c>).</param>
/// <param name="ContactAddress">Their postal address, lines separated by <c>;</c> (<c>contact_address</c>).</param>
/// <param name="ContactEmail">Their email address (<c>contact_email</c>).</param>
internal sealed record PupilDetails(string Name, string ContactName, string ContactAddress, string ContactEmail)
{
    /// <summary>No details: every field empty.</summary>
    public static PupilDetails None { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty);

    /// <summary>The address's lines: <see cref="ContactAddress"/> split at <c>;</c>, trimmed, empty lines dropped.</summary>
    public IReadOnlyList<string> AddressLines =>
        ContactAddress.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
