namespace Attendance.Rules.Policies.Rules;

/// <summary>
/// Falls due when a pupil is added to the admission register (a new pupil return): on the pupil's
/// admission date where the register gives one, otherwise at the first session after a <c>Z</c>
/// ("not yet on the admission register").
/// </summary>
public sealed record AdmissionRule : Rule
{
    /// <summary>The deadline the document states, in days after the admission, shown in evidence with its date.</summary>
    public int? WithinDays { get; init; }

    /// <inheritdoc />
    public override string TypeName => "admission";
}
