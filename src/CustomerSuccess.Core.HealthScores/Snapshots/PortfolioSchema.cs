using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace CustomerSuccess.Core.HealthScores.Snapshots;

/// <summary>
/// The ordered, named and typed signals of a columnar snapshot (or of an event log's properties). A health score is
/// compiled once against a schema; the compiled plan binds property names to column indexes.
/// </summary>
/// <remarks>Immutable and thread-safe. Names are unique under ordinal, case-sensitive comparison.</remarks>
public sealed class PortfolioSchema
{
    private readonly Dictionary<string, int> _indexByName;

    /// <summary>Initializes a new schema from the given signals, in column order.</summary>
    /// <param name="signals">The signals; column <c>i</c> is <c>signals[i]</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="signals"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">Two signals share a name.</exception>
    public PortfolioSchema(IEnumerable<SignalDefinition> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var builder = ImmutableArray.CreateBuilder<SignalDefinition>();
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (SignalDefinition signal in signals)
        {
            ArgumentNullException.ThrowIfNull(signal, nameof(signals));
            if (!_indexByName.TryAdd(signal.Name, builder.Count))
            {
                throw new ArgumentException($"Duplicate signal name '{signal.Name}'.", nameof(signals));
            }

            builder.Add(signal);
        }

        Signals = builder.ToImmutable();
    }

    /// <summary>Gets the signals in column order.</summary>
    /// <value>The signals; never default.</value>
    public ImmutableArray<SignalDefinition> Signals { get; }

    /// <summary>Gets the number of signals (columns).</summary>
    /// <value>The column count.</value>
    public int Count => Signals.Length;

    /// <summary>Finds the column index of a signal by name (ordinal, case-sensitive).</summary>
    /// <param name="name">The property name.</param>
    /// <param name="index">The column index when found; otherwise -1.</param>
    /// <returns><see langword="true"/> when the schema has a signal with that name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGetIndex(string name, out int index)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_indexByName.TryGetValue(name, out index))
        {
            return true;
        }

        index = -1;
        return false;
    }

    /// <summary>Gets the column index of a signal by name (ordinal, case-sensitive).</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The column index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">The schema has no signal with that name.</exception>
    public int IndexOf(string name) =>
        TryGetIndex(name, out int index) ? index : throw new ArgumentException($"Unknown signal '{name}'.", nameof(name));
}
