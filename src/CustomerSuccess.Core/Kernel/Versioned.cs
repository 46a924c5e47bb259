namespace CustomerSuccess.Core;

/// <summary>A stored state together with the version token the store holds for it.</summary>
/// <typeparam name="TState">The immutable state type.</typeparam>
/// <param name="State">The stored state.</param>
/// <param name="Version">The token to pass back when saving a change of this state.</param>
public sealed record Versioned<TState>(TState State, VersionToken Version)
    where TState : class;
