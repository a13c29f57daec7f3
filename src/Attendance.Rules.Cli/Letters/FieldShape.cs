namespace Attendance.Rules.Cli.Letters;

/// <summary>What a name in a template stands for, as far as the check of its members goes.</summary>
internal sealed class FieldShape
{
    private FieldShape(IReadOnlyList<MergeField>? fields, FieldShape? item, bool any, IReadOnlyList<string>? names = null)
    {
        Fields = fields;
        Item = item;
        IsAny = any;
        Names = names;
    }

    /// <summary>A single value (text, a number, true or false): it has only <c>size</c>.</summary>
    public static FieldShape Value { get; } = new(null, null, false);

    /// <summary>Anything: a variable the template assigns or captures itself. Its members are not checked.</summary>
    public static FieldShape Any { get; } = new(null, null, true);

    /// <summary>The <c>forloop</c> (and <c>tablerowloop</c>) object Liquid gives inside a loop.</summary>
    public static FieldShape Loop { get; } = new(null, null, false,
        ["index", "index0", "rindex", "rindex0", "first", "last", "length", "col", "col0", "col_first", "col_last", "row"]);

    /// <summary>An object's fields, or null.</summary>
    public IReadOnlyList<MergeField>? Fields { get; }

    /// <summary>A list's item, or null.</summary>
    public FieldShape? Item { get; }

    public bool IsAny { get; }

    /// <summary>Value members of a built-in object such as <c>forloop</c>.</summary>
    public IReadOnlyList<string>? Names { get; }

    public static FieldShape Object(IReadOnlyList<MergeField> fields) => new(fields, null, false);

    public static FieldShape Of(MergeField field)
    {
        var single = field.Fields is null ? Value : Object(field.Fields);
        return field.IsList ? new FieldShape(null, single, false) : single;
    }

    /// <summary>The shape of member <paramref name="name"/>, or null when there is no such member.</summary>
    public FieldShape? Member(string name)
    {
        if (IsAny)
        {
            return Any;
        }

        if (Item is not null)
        {
            // Liquid's array members.
            return name switch
            {
                "size" => Value,
                "first" or "last" => Item,
                _ => null,
            };
        }

        if (Fields is not null)
        {
            return MergeField.Find(Fields, name) is { } field ? Of(field) : null;
        }

        if (Names is not null && Names.Contains(name, StringComparer.Ordinal))
        {
            return Value;
        }

        return name == "size" ? Value : null;
    }

    /// <summary>What may follow, for the message about an unknown member: "has the fields …", "is a list: …" or "is a single value".</summary>
    public string Offer()
    {
        if (Item is not null)
        {
            return "is a list: it has size, first and last, and its items are read with a for loop";
        }

        if (Fields is not null)
        {
            return "has the fields " + string.Join(", ", Fields.Select(f => f.Name));
        }

        if (Names is not null)
        {
            return "has the fields " + string.Join(", ", Names);
        }

        return "is a single value";
    }
}
