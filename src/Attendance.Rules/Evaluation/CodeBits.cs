using Attendance.Rules.Codes;

namespace Attendance.Rules.Evaluation;

/// <summary>
/// Which of up to 64 code masks each national code is in, as one word per code: a session asks
/// "which runners (or columns) does this mark concern?" with two array reads and an OR, instead of
/// asking each mask in turn. A null mask stands for every code.
/// </summary>
internal sealed class CodeBits
{
    /// <summary>The most masks one table holds (the bits of a word).</summary>
    public const int Capacity = 64;

    private readonly ulong[] byCode;

    private CodeBits(ulong[] byCode, ulong always)
    {
        this.byCode = byCode;
        Always = always;
    }

    /// <summary>The masks that stand for every code (null masks), whatever the mark, or where there is none.</summary>
    public ulong Always { get; }

    /// <summary>The table of the masks, or null where there are more than <see cref="Capacity"/>.</summary>
    public static CodeBits? For(IReadOnlyList<bool[]?> masks)
    {
        if (masks.Count > Capacity)
        {
            return null;
        }

        var byCode = new ulong[NationalCodeTable.Count];
        var always = 0UL;
        for (var i = 0; i < masks.Count; i++)
        {
            always |= masks[i] is null ? 1UL << i : 0;
            for (var code = 0; code < byCode.Length; code++)
            {
                if (masks[i] is not { } mask || mask[code])
                {
                    byCode[code] |= 1UL << i;
                }
            }
        }

        return new CodeBits(byCode, always);
    }

    /// <summary>The masks a code (by index) is in.</summary>
    public ulong Of(int code) => byCode[code];
}
