using System.Collections;

namespace Attendance.Rules.Cli.Letters;

/// <summary>
/// One merge field of a letter, declared once: its name, the line docs/cli.md gives it, and how its
/// value is taken from its parent's source. A field is a value, an object of fields, or a list
/// (of values, or of objects of fields). The declarations drive the check of templates, the model
/// a template is rendered with (plain dictionaries and lists, nothing else reaches a template),
/// the CSV's columns and the docs table.
/// </summary>
internal sealed class MergeField
{
    private MergeField(string name, string description, Func<object, object?> value, IReadOnlyList<MergeField>? fields, bool isList)
    {
        Name = name;
        Description = description;
        Value = value;
        Fields = fields;
        IsList = isList;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>From the parent's source: the value, the object's source, or the list's items.</summary>
    public Func<object, object?> Value { get; }

    /// <summary>An object's (or a list item's) fields; null for a value or a list of values.</summary>
    public IReadOnlyList<MergeField>? Fields { get; }

    public bool IsList { get; }

    public static MergeField Of<TSource>(string name, string description, Func<TSource, object?> value) =>
        new(name, description, s => value((TSource)s), null, isList: false);

    public static MergeField Object<TSource>(string name, string description, Func<TSource, object?> source, params MergeField[] fields) =>
        new(name, description, s => source((TSource)s), fields, isList: false);

    public static MergeField List<TSource>(string name, string description, Func<TSource, IEnumerable> items, params MergeField[] fields) =>
        new(name, description, s => items((TSource)s), fields.Length == 0 ? null : fields, isList: true);

    /// <summary>The field by name among <paramref name="fields"/>, or null.</summary>
    public static MergeField? Find(IReadOnlyList<MergeField>? fields, string name) =>
        fields?.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>The model of <paramref name="fields"/> over a source: a dictionary per object, a list per list.</summary>
    public static Dictionary<string, object?> Model(IReadOnlyList<MergeField> fields, object source)
    {
        var model = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            model[field.Name] = field.ModelOf(source);
        }

        return model;
    }

    private object? ModelOf(object source)
    {
        var value = Value(source);
        if (value is null)
        {
            return null;
        }

        if (IsList)
        {
            var items = new List<object?>();
            foreach (var item in (IEnumerable)value)
            {
                items.Add(Fields is null ? item : Model(Fields, item));
            }

            return items;
        }

        return Fields is null ? value : Model(Fields, value);
    }

    /// <summary>Every value's path (<c>pupil.name</c>, <c>follow_ups[].title</c>) with its description, in declaration order.</summary>
    public static IEnumerable<(string Path, string Description, bool InList)> Paths(IReadOnlyList<MergeField> fields, string prefix = "", bool inList = false)
    {
        foreach (var field in fields)
        {
            var path = prefix + field.Name + (field.IsList ? "[]" : string.Empty);
            if (field.Fields is null)
            {
                yield return (path, field.Description, inList || field.IsList);
            }
            else
            {
                foreach (var child in Paths(field.Fields, path + ".", inList || field.IsList))
                {
                    yield return child;
                }
            }
        }
    }
}
