using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace CustomerSuccess.Core.HealthScores;

/// <summary>Internal guards and sequence helpers shared by the definition records.</summary>
internal static class Guard
{
    /// <summary>Returns <paramref name="value"/> or throws when it is <see langword="null"/>.</summary>
    public static T NotNull<T>(T? value, string paramName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return value;
    }

    /// <summary>Maps a default (uninitialised) array to an empty one and rejects <see langword="null"/> elements.</summary>
    public static ImmutableArray<T> Elements<T>(ImmutableArray<T> values, string paramName)
        where T : class
    {
        if (values.IsDefault)
        {
            return [];
        }

        foreach (T item in values)
        {
            if (item is null)
            {
                throw new ArgumentException("The collection must not contain null elements.", paramName);
            }
        }

        return values;
    }

    /// <summary>Element-wise equality of two arrays (a default array equals an empty one).</summary>
    public static bool SequenceEqual<T>(ImmutableArray<T> left, ImmutableArray<T> right)
    {
        ReadOnlySpan<T> a = left.IsDefault ? [] : left.AsSpan();
        ReadOnlySpan<T> b = right.IsDefault ? [] : right.AsSpan();
        if (a.Length != b.Length)
        {
            return false;
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds every element of <paramref name="values"/> to <paramref name="hash"/>, consistent with <see cref="SequenceEqual{T}"/>.</summary>
    public static void AddSequence<T>(ref HashCode hash, ImmutableArray<T> values)
    {
        if (values.IsDefault)
        {
            hash.Add(0);
            return;
        }

        hash.Add(values.Length);
        foreach (T item in values)
        {
            hash.Add(item);
        }
    }
}
