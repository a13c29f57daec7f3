using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Reflection;
using NodaTime;

namespace Attendance.Rules.Codes;

/// <summary>
/// The national attendance codes of England, 2006 and 2024 sets, read from the data file
/// <c>national-codes.tsv</c> embedded in the library. Correcting a code is a change to that file.
/// </summary>
public static class NationalCodeTable
{
    /// <summary>The day the 2024 regulations' codes came into force: 19 August 2024.</summary>
    public static LocalDate ChangeDate { get; } = new(2024, 8, 19);

    private static readonly ImmutableArray<AttendanceCode> AllCodes = Load();
    private static readonly Dictionary<string, AttendanceCode> Codes2006 = ByCode(CodeSet.Regulations2006);
    private static readonly Dictionary<string, AttendanceCode> Codes2024 = ByCode(CodeSet.Regulations2024);
    private static readonly ImmutableArray<AttendanceCode> Set2006 = OfSet(CodeSet.Regulations2006);
    private static readonly ImmutableArray<AttendanceCode> Set2024 = OfSet(CodeSet.Regulations2024);

    /// <summary>Every code of both sets, 2024 set first, in the table's order.</summary>
    public static ImmutableArray<AttendanceCode> All => AllCodes;

    /// <summary>The number of codes in both sets; every <see cref="AttendanceCode.Index"/> is below it.</summary>
    public static int Count => AllCodes.Length;

    /// <summary>The code set in force on a date.</summary>
    /// <param name="date">A session's date.</param>
    /// <returns>The 2024 set from 19 August 2024, the 2006 set before it.</returns>
    public static CodeSet SetInForce(LocalDate date) =>
        date >= ChangeDate ? CodeSet.Regulations2024 : CodeSet.Regulations2006;

    /// <summary>The codes of one set.</summary>
    /// <param name="set">The code set.</param>
    /// <returns>The set's codes in the table's order.</returns>
    public static ImmutableArray<AttendanceCode> CodesOf(CodeSet set) =>
        set == CodeSet.Regulations2024 ? Set2024 : Set2006;

    /// <summary>The codes valid on a date.</summary>
    /// <param name="date">A session's date.</param>
    /// <returns>The codes of the set in force on that date.</returns>
    public static ImmutableArray<AttendanceCode> ValidOn(LocalDate date) => CodesOf(SetInForce(date));

    /// <summary>Finds a code in the set in force on a date.</summary>
    /// <param name="code">The code as written, for example <c>I</c>.</param>
    /// <param name="date">The session's date.</param>
    /// <param name="result">The code, where found.</param>
    /// <returns>True where the code is valid on that date.</returns>
    public static bool TryFind(string code, LocalDate date, out AttendanceCode result) =>
        TryFind(code, SetInForce(date), out result);

    /// <summary>Finds a code in a set.</summary>
    /// <param name="code">The code as written.</param>
    /// <param name="set">The code set.</param>
    /// <param name="result">The code, where found.</param>
    /// <returns>True where the set has the code.</returns>
    public static bool TryFind(string code, CodeSet set, out AttendanceCode result)
    {
        ArgumentNullException.ThrowIfNull(code);
        var map = set == CodeSet.Regulations2024 ? Codes2024 : Codes2006;
        return map.TryGetValue(code, out result!);
    }

    /// <summary>Whether either set has the code.</summary>
    /// <param name="code">The code as written.</param>
    /// <returns>True where the 2006 or the 2024 set has it.</returns>
    public static bool IsKnown(string code) => Codes2024.ContainsKey(code) || Codes2006.ContainsKey(code);

    /// <summary>Gets a code valid on a date.</summary>
    /// <param name="code">The code as written.</param>
    /// <param name="date">The session's date.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentException">The code is not valid on that date; the message lists the valid codes.</exception>
    public static AttendanceCode Get(string code, LocalDate date)
    {
        if (TryFind(code, date, out var result))
        {
            return result;
        }

        throw new ArgumentException(InvalidCodeMessage(code, date), nameof(code));
    }

    /// <summary>The sentence used wherever a code is not valid on its date.</summary>
    /// <param name="code">The code as written.</param>
    /// <param name="date">The session's date.</param>
    /// <returns>A message naming the date, its code set and the valid codes.</returns>
    public static string InvalidCodeMessage(string code, LocalDate date)
    {
        var set = SetInForce(date);
        var setName = set == CodeSet.Regulations2024 ? "2024 codes, in force from 19 August 2024" : "2006 codes, in force before 19 August 2024";
        var reason = IsKnown(code)
            ? (set == CodeSet.Regulations2024 ? "was withdrawn on 19 August 2024" : "is not valid before 19 August 2024")
            : "is not a national attendance code";
        return string.Create(CultureInfo.InvariantCulture,
            $"code '{code}' {reason}; valid codes on {date:yyyy-MM-dd} ({setName}): {string.Join(" ", CodesOf(set).Select(c => c.Code))}");
    }

    private static Dictionary<string, AttendanceCode> ByCode(CodeSet set)
    {
        var map = new Dictionary<string, AttendanceCode>(StringComparer.Ordinal);
        foreach (var code in AllCodes)
        {
            if (code.Set == set)
            {
                map.Add(code.Code, code);
            }
        }

        return map;
    }

    private static ImmutableArray<AttendanceCode> OfSet(CodeSet set) => AllCodes.Where(c => c.Set == set).ToImmutableArray();

    private static ImmutableArray<AttendanceCode> Load()
    {
        using var stream = typeof(NationalCodeTable).Assembly.GetManifestResourceStream("Attendance.Rules.Codes.national-codes.tsv")
            ?? throw new InvalidOperationException("The embedded national code table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    internal static ImmutableArray<AttendanceCode> Parse(string text)
    {
        var builder = ImmutableArray.CreateBuilder<AttendanceCode>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length is < 7 or > 8)
            {
                throw new InvalidDataException($"national-codes.tsv:{lineNumber}: expected 7 or 8 tab-separated fields, got {f.Length}");
            }

            var set = f[0] switch
            {
                "2006" => CodeSet.Regulations2006,
                "2024" => CodeSet.Regulations2024,
                _ => throw new InvalidDataException($"national-codes.tsv:{lineNumber}: set must be 2006 or 2024, got '{f[0]}'"),
            };
            var category = f[2] switch
            {
                "present" => CodeCategory.Present,
                "approved-educational-activity" => CodeCategory.ApprovedEducationalActivity,
                "authorised-absence" => CodeCategory.AuthorisedAbsence,
                "unauthorised-absence" => CodeCategory.UnauthorisedAbsence,
                "unable-to-attend" => CodeCategory.UnableToAttend,
                "not-required" => CodeCategory.NotRequired,
                "dual-registered" => CodeCategory.DualRegistered,
                "administrative" => CodeCategory.Administrative,
                _ => throw new InvalidDataException($"national-codes.tsv:{lineNumber}: unknown category '{f[2]}'"),
            };
            builder.Add(new AttendanceCode(
                builder.Count, set, f[1], category, YesNo(f[3], lineNumber), YesNo(f[4], lineNumber), YesNo(f[5], lineNumber),
                f[6], set == CodeSet.Regulations2006 && f.Length == 8 ? f[7] : null));
        }

        // The 2024 set comes first so that All lists the codes in force today first.
        return builder.OrderBy(c => c.Set == CodeSet.Regulations2024 ? 0 : 1).ThenBy(c => c.Index)
            .Select((c, i) => new AttendanceCode(i, c.Set, c.Code, c.Category, c.IsPossibleSession, c.IsAbsence, c.IsSchoolOpen, c.Meaning, c.CountedAs))
            .ToImmutableArray();
    }

    private static bool YesNo(string value, int lineNumber) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => throw new InvalidDataException($"national-codes.tsv:{lineNumber}: expected yes or no, got '{value}'"),
    };
}
