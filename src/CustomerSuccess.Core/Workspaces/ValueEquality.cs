using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>Structural equality for the immutable collections inside the workspace state records, which otherwise
/// compare by reference.</summary>
internal static class ValueEquality
{
    public static bool Sequence<T>(ImmutableArray<T> left, ImmutableArray<T> right) =>
        (left.IsDefaultOrEmpty && right.IsDefaultOrEmpty)
        || (!left.IsDefault && !right.IsDefault && left.SequenceEqual(right));

    public static bool Sequence<T>(IEnumerable<T> left, IEnumerable<T> right) => left.SequenceEqual(right);

    public static bool Dictionary<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> left, IReadOnlyDictionary<TKey, TValue> right)
        where TKey : notnull =>
        left.Count == right.Count
        && left.All(pair => right.TryGetValue(pair.Key, out var other) && EqualityComparer<TValue>.Default.Equals(pair.Value, other));

    public static int Hash<T>(ImmutableArray<T> items)
    {
        var hash = default(HashCode);
        if (!items.IsDefault)
        {
            foreach (var item in items)
            {
                hash.Add(item);
            }
        }

        return hash.ToHashCode();
    }

    public static int Hash<T>(IEnumerable<T> items)
    {
        var hash = default(HashCode);
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
