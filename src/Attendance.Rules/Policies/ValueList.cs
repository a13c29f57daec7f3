using System.Collections;
using System.Collections.Immutable;

namespace Attendance.Rules.Policies;

/// <summary>
/// An immutable list with structural equality, so that policy records compare by content
/// (<see cref="ImmutableArray{T}"/> compares by reference).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> items;

    private ValueList(ImmutableArray<T> items) => this.items = items;

    /// <summary>The items, shared without copying.</summary>
    internal ImmutableArray<T> Items => items;

    internal static ValueList<T> Wrap(ImmutableArray<T> items) => new(items);

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new(ImmutableArray<T>.Empty);

    /// <inheritdoc />
    public int Count => items.Length;

    /// <inheritdoc />
    public T this[int index] => items[index];

    /// <summary>Creates a list from items.</summary>
    /// <param name="items">The items, copied.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> From(IEnumerable<T> items) => new(items.ToImmutableArray());

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other) =>
        other is not null && items.SequenceEqual(other.items, EqualityComparer<T>.Default);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", items) + "]";
}

/// <summary>Creates <see cref="ValueList{T}"/> instances.</summary>
public static class ValueList
{
    /// <summary>Creates a list from items.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> Of<T>(params T[] items) => ValueList<T>.From(items);

    /// <summary>Copies a sequence into a list.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => ValueList<T>.From(items);
}
