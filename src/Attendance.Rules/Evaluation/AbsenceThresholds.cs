namespace Attendance.Rules.Evaluation;

/// <summary>The persistent and severe absence thresholds: absence of at least these percentages of possible sessions.</summary>
public sealed record AbsenceThresholds
{
    private AbsenceThresholds(decimal persistentPercent, decimal severePercent)
    {
        PersistentPercent = persistentPercent;
        SeverePercent = severePercent;
    }

    /// <summary>The national thresholds: persistent at 10% or more, severe at 50% or more.</summary>
    public static AbsenceThresholds National { get; } = new(10m, 50m);

    /// <summary>Absence % at or above which a pupil is persistently absent.</summary>
    public decimal PersistentPercent { get; }

    /// <summary>Absence % at or above which a pupil is severely absent.</summary>
    public decimal SeverePercent { get; }

    /// <summary>Creates thresholds, validating them.</summary>
    /// <param name="persistentPercent">0–100.</param>
    /// <param name="severePercent">0–100, not below <paramref name="persistentPercent"/>.</param>
    /// <returns>The thresholds.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A percentage is outside 0–100, or severe is below persistent.</exception>
    public static AbsenceThresholds Of(decimal persistentPercent, decimal severePercent)
    {
        Percent.Validate(persistentPercent, nameof(persistentPercent));
        Percent.Validate(severePercent, nameof(severePercent));
        if (severePercent < persistentPercent)
        {
            throw new ArgumentOutOfRangeException(nameof(severePercent), severePercent,
                $"the severe absence threshold ({severePercent}%) is below the persistent one ({persistentPercent}%)");
        }

        return new AbsenceThresholds(persistentPercent, severePercent);
    }
}
