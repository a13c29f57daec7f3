using Attendance.Rules.Codes;
using Attendance.Rules.Policies;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// Which of a list of code masks (a runner's codes, a count column's codes) a mark is in, as bits:
/// mask i is bit i % 64 of word i / 64, looked up by the mark's recorded code and by the code it
/// counts as (for masks that read it), so a session asks which runners or columns it concerns with a
/// few array reads instead of asking each mask in turn. A null mask stands for every code.
/// </summary>
internal sealed class CodeBits
{
    private readonly ulong[] byRecorded;
    private readonly ulong[] byEffective;
    private readonly ulong[] always;

    /// <param name="masks">The masks over <see cref="NationalCodeTable"/> indices; null for every code.</param>
    /// <param name="readings">Each mask's reading (by default a mark counts by its own code or the one it counts as).</param>
    public CodeBits(IReadOnlyList<bool[]?> masks, IReadOnlyList<CodeReading>? readings = null)
    {
        Count = masks.Count;
        Words = (masks.Count + 63) / 64;
        byRecorded = new ulong[NationalCodeTable.Count * Words];
        byEffective = new ulong[NationalCodeTable.Count * Words];
        always = new ulong[Words];
        for (var i = 0; i < masks.Count; i++)
        {
            var bit = 1UL << (i & 63);
            var word = i >> 6;
            var recordedOnly = readings is not null && readings[i] == CodeReading.Recorded;
            always[word] |= masks[i] is null ? bit : 0;
            for (var code = 0; code < NationalCodeTable.Count; code++)
            {
                if (masks[i] is not { } mask || mask[code])
                {
                    byRecorded[(code * Words) + word] |= bit;
                    byEffective[(code * Words) + word] |= recordedOnly ? 0 : bit;
                }
            }
        }
    }

    /// <summary>The number of masks.</summary>
    public int Count { get; }

    /// <summary>The words a mark's bits take.</summary>
    public int Words { get; }

    /// <summary>The masks of a word that a mark is in, by its recorded code or the code it counts as.</summary>
    public ulong Of(EvaluationRun run, int mark, int word) =>
        byRecorded[(run.Codes[mark].Index * Words) + word] | byEffective[(run.Effective[mark].Index * Words) + word];

    /// <summary>The masks of a word that stand for every code, whatever the mark, or where there is none.</summary>
    public ulong Always(int word) => always[word];
}
