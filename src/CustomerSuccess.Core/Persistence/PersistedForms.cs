using System;
using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;

namespace CustomerSuccess.Core.Persistence;

/// <summary>
/// The persisted forms of every aggregate state of the library and of its domain events: what a store writes and reads
/// back. A store keeps, per aggregate, the key text (<see cref="StateDocumentFormat{TKey, TState}.FormatKey"/>), the
/// portal, the version token and the document; per event, the type name and the payload of <see cref="Events"/>.
/// </summary>
/// <remarks>Every format is at schema version 1. Documents are compared with frozen copies in the library's tests, so a
/// change to a state that would alter its document fails a test until a new schema version with an upgrade step is
/// added.</remarks>
public static class PersistedForms
{
    /// <summary>Gets the form of a portal's workspace directory (<c>workspace-directory</c>, keyed by portal id).</summary>
    public static StateDocumentFormat<PortalId, WorkspaceDirectoryState> WorkspaceDirectory { get; } =
        new KeyedFormat<PortalId, WorkspaceDirectoryState>("workspace-directory", PortalKey, key => key, s => s.PortalId, s => Workspaces.WorkspaceDirectory.CheckInvariants(s));

    /// <summary>Gets the form of a portal's workspace configuration (<c>workspace-configuration</c>, keyed by portal id).</summary>
    public static StateDocumentFormat<PortalId, WorkspaceConfigurationState> WorkspaceConfiguration { get; } =
        new KeyedFormat<PortalId, WorkspaceConfigurationState>("workspace-configuration", PortalKey, key => key, s => s.PortalId, s => Workspaces.WorkspaceConfiguration.CheckInvariants(s));

    /// <summary>Gets the form of a view catalogue (<c>view-catalog</c>, keyed <c>portal/workspace/tab</c>).</summary>
    public static StateDocumentFormat<ViewCatalogKey, ViewCatalogState> ViewCatalog { get; } = new KeyedFormat<ViewCatalogKey, ViewCatalogState>(
        "view-catalog",
        key => string.Create(CultureInfo.InvariantCulture, $"{key.PortalId.Value}/{key.WorkspaceId.Value}/{key.Tab.ToString().ToLowerInvariant()}"),
        key => key.PortalId,
        state => state.Key,
        state => Views.ViewCatalog.CheckInvariants(state));

    /// <summary>Gets the form of a portal's health-score catalogue (<c>health-score-catalog</c>, keyed by portal id).</summary>
    public static StateDocumentFormat<PortalId, HealthScoreCatalogState> HealthScoreCatalog { get; } =
        new KeyedFormat<PortalId, HealthScoreCatalogState>("health-score-catalog", PortalKey, key => key, s => s.PortalId, s => Scores.HealthScoreCatalog.CheckInvariants(s));

    /// <summary>Gets the form of one task (<c>task</c>, keyed <c>portal/task</c>): every member a person entered, the
    /// completion, the creator and the creation instant; a document of a key that holds no task (no creator) is refused.</summary>
    public static StateDocumentFormat<TaskKey, TaskState> Task { get; } = new KeyedFormat<TaskKey, TaskState>(
        "task",
        key => string.Create(CultureInfo.InvariantCulture, $"{key.PortalId.Value}/{key.TaskId.Value}"),
        key => key.PortalId,
        state => state.Key,
        state => TaskItem.CheckInvariants(state));

    /// <summary>Gets the form of a portal's alert book (<c>alert-book</c>, keyed by portal id).</summary>
    public static StateDocumentFormat<PortalId, AlertBookState> AlertBook { get; } =
        new KeyedFormat<PortalId, AlertBookState>("alert-book", PortalKey, key => key, s => s.PortalId, s => Alerts.AlertBook.CheckInvariants(s));

    /// <summary>Gets the form of a portal's manual score overrides (<c>score-override-book</c>, keyed by portal id).</summary>
    public static StateDocumentFormat<PortalId, ScoreOverrideBookState> ScoreOverrideBook { get; } =
        new KeyedFormat<PortalId, ScoreOverrideBookState>("score-override-book", PortalKey, key => key, s => s.PortalId, s => Scores.ScoreOverrideBook.CheckInvariants(s));

    /// <summary>Gets the form of the library's domain events, for outboxes.</summary>
    public static DomainEventFormat Events { get; } = new();

    internal static string PortalKey(PortalId portalId) => portalId.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The form of a state under a key that names its portal (the portal id itself, or a composite key).</summary>
    private sealed class KeyedFormat<TKey, TState>(
        string aggregateType, Func<TKey, string> formatKey, Func<TKey, PortalId> portalOf, Func<TState, TKey> keyOf, Action<TState> validate)
        : StateDocumentFormat<TKey, TState>(aggregateType, 1)
        where TKey : notnull
        where TState : class
    {
        protected override JsonTypeInfo<TState> StateTypeInfo => PersistenceJson.Info<TState>();

        public override string FormatKey(TKey key) => formatKey(key);

        public override PortalId PortalOf(TKey key) => portalOf(key);

        protected override TKey KeyOf(TState state) => keyOf(state);

        protected override void Validate(TState state) => validate(state);
    }
}
