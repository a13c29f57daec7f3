using System.Collections.Frozen;
using NodaTime;

namespace Attendance.Rules.Codes;

/// <summary>
/// An MIS vendor's codes mapped to the national codes, applied to marks before anything is counted:
/// an export's sub-codes (<c>X02</c> for <c>X</c>, <c>I01</c> for <c>I</c>) and local codes become the
/// statutory code they stand for. A vendor code may have several mappings from different dates; the
/// latest on or before a mark's date applies. National codes are never mapped: they pass unchanged.
/// Immutable and thread-safe; made by <see cref="Create"/>, which checks every mapping.
/// </summary>
public sealed class CodeMap
{
    /// <summary>Each vendor code's mappings, latest first (a mapping without a date last).</summary>
    private readonly FrozenDictionary<string, CodeMapping[]> byCode;

    private CodeMap(CodeMapping[] mappings)
    {
        Mappings = Array.AsReadOnly(mappings);
        byCode = mappings
            .GroupBy(m => m.VendorCode, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(m => m.ValidFrom ?? LocalDate.MinIsoValue).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The mappings, in the order given.</summary>
    public IReadOnlyList<CodeMapping> Mappings { get; }

    /// <summary>Makes a code map, checking every mapping: a vendor code that is not empty and not a national code, a statutory code that is a national code, and no two mappings of one vendor code from the same date.</summary>
    /// <param name="mappings">The mappings.</param>
    /// <returns>The code map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="mappings"/> or one of them is null.</exception>
    /// <exception cref="CodeMapException">A mapping is unusable; every problem is listed.</exception>
    public static CodeMap Create(IEnumerable<CodeMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        var list = mappings.ToArray();
        var problems = Check(list);
        if (problems.Count > 0)
        {
            throw new CodeMapException(problems);
        }

        return new CodeMap(list);
    }

    /// <summary>Every problem with a list of mappings (empty where <see cref="Create"/> would accept it).</summary>
    /// <param name="mappings">The mappings.</param>
    /// <returns>The problems, in the order of the mappings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="mappings"/> or one of them is null.</exception>
    public static IReadOnlyList<CodeMapProblem> Check(IReadOnlyList<CodeMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        var problems = new List<CodeMapProblem>();
        var seen = new Dictionary<(string, LocalDate?), int>();
        for (var i = 0; i < mappings.Count; i++)
        {
            var m = mappings[i] ?? throw new ArgumentNullException(nameof(mappings), $"mapping {i + 1} is null");
            if (string.IsNullOrWhiteSpace(m.VendorCode))
            {
                problems.Add(new(i, "vendor_code", "the vendor code is empty"));
            }
            else if (NationalCodeTable.IsKnown(m.VendorCode))
            {
                problems.Add(new(i, "vendor_code", $"'{m.VendorCode}' is a national code, which is never mapped; a code map maps only an MIS's own codes"));
            }
            else if (seen.TryGetValue((m.VendorCode, m.ValidFrom), out var first))
            {
                var from = m.ValidFrom is { } d ? $"from {d:yyyy-MM-dd}" : "without valid_from";
                problems.Add(new(i, "vendor_code", $"'{m.VendorCode}' is already mapped {from}; a vendor code has one mapping from each date", first));
            }
            else
            {
                seen[(m.VendorCode, m.ValidFrom)] = i;
            }

            if (string.IsNullOrWhiteSpace(m.StatutoryCode))
            {
                problems.Add(new(i, "statutory_code", "the statutory code is empty"));
            }
            else if (!NationalCodeTable.IsKnown(m.StatutoryCode))
            {
                problems.Add(new(i, "statutory_code", $"'{m.StatutoryCode}' is not a national attendance code (the 2006 or 2024 set)"));
            }
            else if (m.ValidFrom is { } from && !NationalCodeTable.TryFind(m.StatutoryCode, from, out _))
            {
                problems.Add(new(i, "statutory_code", $"'{m.StatutoryCode}' is not a national code on {from:yyyy-MM-dd}, its valid_from (the {(NationalCodeTable.SetInForce(from) == CodeSet.Regulations2006 ? "2006" : "2024")} set)"));
            }
        }

        return problems;
    }

    /// <summary>The mapping that applies to a code on a date: the latest of the code's mappings from that date or earlier; null where none does.</summary>
    /// <param name="vendorCode">The code as the MIS exports it.</param>
    /// <param name="date">The mark's date.</param>
    /// <returns>The mapping, or null.</returns>
    public CodeMapping? Find(string vendorCode, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(vendorCode);
        if (!byCode.TryGetValue(vendorCode, out var candidates))
        {
            return null;
        }

        foreach (var m in candidates)
        {
            if (m.ValidFrom is not { } from || from <= date)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>Whether the map has any mapping for a vendor code, from whatever date.</summary>
    /// <param name="vendorCode">The code as the MIS exports it.</param>
    /// <returns>True where it does.</returns>
    public bool Maps(string vendorCode) => byCode.ContainsKey(vendorCode ?? throw new ArgumentNullException(nameof(vendorCode)));
}
