using Attendance.Rules.Loading.Language;

namespace Attendance.Rules.Policies.Conditions;

/// <summary>Every measure of the language, in the docs' order. A new measure is a file in this folder and a line here.</summary>
internal static class MeasureCatalog
{
    public static readonly SyntaxDeclaration[] All =
    [
        .. PercentMeasure.Syntax,
        .. PunctualityMeasure.Syntax,
        .. LateMeasure.Syntax,
        .. CountMeasure.Syntax,
        .. DaysMeasure.Syntax,
        .. RunMeasure.Syntax,
        .. SpellsMeasure.Syntax,
        .. ChangeMeasure.Syntax,
        .. ProjectedMeasure.Syntax,
    ];
}
