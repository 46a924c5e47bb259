using System;
using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.Scores;
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
        new PortalFormat<WorkspaceDirectoryState>("workspace-directory", s => s.PortalId, s => Workspaces.WorkspaceDirectory.CheckInvariants(s));

    /// <summary>Gets the form of a portal's workspace configuration (<c>workspace-configuration</c>, keyed by portal id).</summary>
    public static StateDocumentFormat<PortalId, WorkspaceConfigurationState> WorkspaceConfiguration { get; } =
        new PortalFormat<WorkspaceConfigurationState>("workspace-configuration", s => s.PortalId, s => Workspaces.WorkspaceConfiguration.CheckInvariants(s));

    /// <summary>Gets the form of a view catalogue (<c>view-catalog</c>, keyed <c>portal/workspace/tab</c>).</summary>
    public static StateDocumentFormat<ViewCatalogKey, ViewCatalogState> ViewCatalog { get; } = new ViewCatalogFormat();

    /// <summary>Gets the form of a portal's health-score catalogue (<c>health-score-catalog</c>, keyed by portal id).</summary>
    public static StateDocumentFormat<PortalId, HealthScoreCatalogState> HealthScoreCatalog { get; } =
        new PortalFormat<HealthScoreCatalogState>("health-score-catalog", s => s.PortalId, s => Scores.HealthScoreCatalog.CheckInvariants(s));

    /// <summary>Gets the form of a portal's alert book (<c>alert-book</c>, keyed by portal id).</summary>
    public static StateDocumentFormat<PortalId, AlertBookState> AlertBook { get; } =
        new PortalFormat<AlertBookState>("alert-book", s => s.PortalId, s => Alerts.AlertBook.CheckInvariants(s));

    /// <summary>Gets the form of a portal's manual score overrides (<c>score-override-book</c>, keyed by portal id).</summary>
    public static StateDocumentFormat<PortalId, ScoreOverrideBookState> ScoreOverrideBook { get; } =
        new PortalFormat<ScoreOverrideBookState>("score-override-book", s => s.PortalId, s => Scores.ScoreOverrideBook.CheckInvariants(s));

    /// <summary>Gets the form of the library's domain events, for outboxes.</summary>
    public static DomainEventFormat Events { get; } = new();

    internal static string PortalKey(PortalId portalId) => portalId.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The form of a state kept once per portal, keyed by the portal id.</summary>
    private sealed class PortalFormat<TState>(string aggregateType, Func<TState, PortalId> portalOf, Action<TState> validate)
        : StateDocumentFormat<PortalId, TState>(aggregateType, 1)
        where TState : class
    {
        protected override JsonTypeInfo<TState> StateTypeInfo => PersistenceJson.Info<TState>();

        public override string FormatKey(PortalId key) => PortalKey(key);

        public override PortalId PortalOf(PortalId key) => key;

        protected override PortalId KeyOf(TState state) => portalOf(state);

        protected override void Validate(TState state) => validate(state);
    }

    private sealed class ViewCatalogFormat() : StateDocumentFormat<ViewCatalogKey, ViewCatalogState>("view-catalog", 1)
    {
        protected override JsonTypeInfo<ViewCatalogState> StateTypeInfo => PersistenceJson.Info<ViewCatalogState>();

        public override string FormatKey(ViewCatalogKey key) =>
            string.Create(CultureInfo.InvariantCulture, $"{key.PortalId.Value}/{key.WorkspaceId.Value}/{key.Tab.ToString().ToLowerInvariant()}");

        public override PortalId PortalOf(ViewCatalogKey key) => key.PortalId;

        protected override ViewCatalogKey KeyOf(ViewCatalogState state) => state.Key;

        protected override void Validate(ViewCatalogState state) => Views.ViewCatalog.CheckInvariants(state);
    }
}
