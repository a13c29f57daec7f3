using NodaTime;

namespace Attendance.Rules.Evaluation;

/// <summary>A threshold hit as a run records it.</summary>
internal struct HitRecord
{
    public int Runner;
    public LocalDate Date;
    public LocalDate FirstWeek;
    public LocalDate LastWeek;
    public int ListStart;
    public int ListCount;
}
