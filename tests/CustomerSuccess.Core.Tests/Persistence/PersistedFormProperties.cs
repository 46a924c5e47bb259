using CustomerSuccess.Core.Persistence;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerSuccess.Core.Tests.Persistence;

/// <summary>Every state survives its persisted form: reading what was written gives an equal state, and writing it
/// again gives the same bytes (the form is canonical, so a store can compare documents).</summary>
public sealed class PersistedFormProperties
{
    [Property(MaxTest = 500)]
    public Property Workspace_directories_round_trip() => RoundTrips(PersistenceGenerators.Directory, PersistedForms.WorkspaceDirectory, s => s.PortalId);

    [Property(MaxTest = 500)]
    public Property Workspace_configurations_round_trip() => RoundTrips(PersistenceGenerators.Configuration, PersistedForms.WorkspaceConfiguration, s => s.PortalId);

    [Property(MaxTest = 500)]
    public Property View_catalogues_round_trip() => RoundTrips(PersistenceGenerators.ViewCatalog, PersistedForms.ViewCatalog, s => s.Key);

    [Property(MaxTest = 500)]
    public Property Health_score_catalogues_round_trip() => RoundTrips(PersistenceGenerators.HealthScoreCatalog, PersistedForms.HealthScoreCatalog, s => s.PortalId);

    [Property(MaxTest = 500)]
    public Property Tasks_round_trip() => RoundTrips(PersistenceGenerators.Task, PersistedForms.Task, s => s.Key);

    private static Property RoundTrips<TKey, TState>(Gen<TState> states, StateDocumentFormat<TKey, TState> format, System.Func<TState, TKey> keyOf)
        where TKey : notnull
        where TState : class =>
        Prop.ForAll(Arb.From(states), state =>
        {
            var key = keyOf(state);
            var document = format.Write(key, state);
            var read = format.Read(key, document);
            var again = format.Write(key, read);
            return (read.Equals(state) && System.MemoryExtensions.SequenceEqual<byte>(again, document))
                .Label(System.Text.Encoding.UTF8.GetString(document));
        });
}
