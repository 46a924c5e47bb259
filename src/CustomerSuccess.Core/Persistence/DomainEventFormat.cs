using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CustomerSuccess.Core.Alerts.Events;
using CustomerSuccess.Core.Scores.Events;
using CustomerSuccess.Core.Tasks.Events;
using CustomerSuccess.Core.Views.Events;
using CustomerSuccess.Core.Workspaces.Events;

namespace CustomerSuccess.Core.Persistence;

/// <summary>
/// The persisted form of the library's domain events: a stable type name (e.g. <c>workspace.created</c>) and a JSON
/// payload (camelCase members, instants in ISO form, the initiator as <c>{"kind": "user", "userId": 7}</c> or
/// <c>{"kind": "system"}</c>). An outbox row keeps both, and an outbox reader turns them back into events.
/// </summary>
/// <remarks>The type names are part of the published contract: they never change, whatever the .NET type is called.
/// <threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed class DomainEventFormat
{
    private readonly FrozenDictionary<Type, (string Name, JsonTypeInfo Info)> _byType;
    private readonly FrozenDictionary<string, JsonTypeInfo> _byName;

    internal DomainEventFormat()
    {
        (string Name, JsonTypeInfo Info)[] entries =
        [
            ("workspace.created", PersistenceJson.Info<WorkspaceCreated>()),
            ("workspace.renamed", PersistenceJson.Info<WorkspaceRenamed>()),
            ("workspace.description_changed", PersistenceJson.Info<WorkspaceDescriptionChanged>()),
            ("workspace.deleted", PersistenceJson.Info<WorkspaceDeleted>()),
            ("workspace.team_added", PersistenceJson.Info<TeamAddedToWorkspace>()),
            ("workspace.team_removed", PersistenceJson.Info<TeamRemovedFromWorkspace>()),
            ("workspace.cs_objects_changed", PersistenceJson.Info<CsObjectsChanged>()),
            ("workspace.settings_changed", PersistenceJson.Info<WorkspaceSettingsChanged>()),
            ("view.created", PersistenceJson.Info<ViewCreated>()),
            ("view.edited", PersistenceJson.Info<ViewEdited>()),
            ("view.deleted", PersistenceJson.Info<ViewDeleted>()),
            ("view.default_set", PersistenceJson.Info<DefaultViewSet>()),
            ("view.default_unset", PersistenceJson.Info<DefaultViewUnset>()),
            ("view.defaults_reordered", PersistenceJson.Info<DefaultViewsReordered>()),
            ("health_score.created", PersistenceJson.Info<HealthScoreCreated>()),
            ("health_score.definition_changed", PersistenceJson.Info<HealthScoreDefinitionChanged>()),
            ("health_score.activated", PersistenceJson.Info<HealthScoreActivated>()),
            ("health_score.deactivated", PersistenceJson.Info<HealthScoreDeactivated>()),
            ("health_score.deleted", PersistenceJson.Info<HealthScoreDeleted>()),
            ("health_score.group_cloned", PersistenceJson.Info<HealthScoreGroupCloned>()),
            ("health_score.group_deleted", PersistenceJson.Info<HealthScoreGroupDeleted>()),
            ("health_score.group_renamed", PersistenceJson.Info<HealthScoreGroupRenamed>()),
            ("task.created", PersistenceJson.Info<TaskCreated>()),
            ("task.edited", PersistenceJson.Info<TaskEdited>()),
            ("task.assigned", PersistenceJson.Info<TaskAssigned>()),
            ("task.completed", PersistenceJson.Info<TaskCompleted>()),
            ("task.reopened", PersistenceJson.Info<TaskReopened>()),
            ("task.deleted", PersistenceJson.Info<TaskDeleted>()),
            ("score_override.set", PersistenceJson.Info<ScoreOverrideSet>()),
            ("score_override.removed", PersistenceJson.Info<ScoreOverrideRemoved>()),
            ("alert.raised", PersistenceJson.Info<AlertRaised>()),
            ("alert.dismissed", PersistenceJson.Info<AlertDismissed>()),
            ("alert.expired", PersistenceJson.Info<AlertExpired>()),
            ("alert.superseded", PersistenceJson.Info<AlertSuperseded>()),
        ];
        _byType = entries.ToFrozenDictionary(e => e.Info.Type);
        _byName = entries.ToFrozenDictionary(e => e.Name, e => e.Info, StringComparer.Ordinal);
    }

    /// <summary>Gets the type names of every event this format knows, in no particular order.</summary>
    public IReadOnlyCollection<string> TypeNames => _byName.Keys;

    /// <summary>Returns the stable type name of an event.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <returns>Its type name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domainEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The event's type has no persisted form.</exception>
    public string TypeNameOf(IDomainEvent domainEvent) => Entry(domainEvent).Name;

    /// <summary>Writes an event's payload.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <returns>The UTF-8 JSON payload.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domainEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The event's type has no persisted form.</exception>
    public byte[] Write(IDomainEvent domainEvent) =>
        JsonSerializer.SerializeToUtf8Bytes(domainEvent, Entry(domainEvent).Info);

    /// <summary>Reads an event back from its type name and payload.</summary>
    /// <param name="typeName">The stable type name.</param>
    /// <param name="payload">The UTF-8 JSON payload.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeName"/> is <see langword="null"/>.</exception>
    /// <exception cref="PersistedStateException">The type name is unknown or the payload does not read; the exception's
    /// aggregate type is <c>domain-event</c> and its key the type name.</exception>
    public IDomainEvent Read(string typeName, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        if (!_byName.TryGetValue(typeName, out var info))
        {
            throw new PersistedStateException("domain-event", typeName, "$", $"'{typeName}' is not a known event type");
        }

        try
        {
            return JsonSerializer.Deserialize(payload, info) as IDomainEvent
                ?? throw new PersistedStateException("domain-event", typeName, "$", "the payload is null");
        }
        catch (JsonException e)
        {
            throw new PersistedStateException("domain-event", typeName, e.Path ?? "$", e.Message.Split(" Path:")[0].TrimEnd('.'), e);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or NotSupportedException or OverflowException)
        {
            throw new PersistedStateException("domain-event", typeName, "$", e.Message.TrimEnd('.'), e);
        }
    }

    /// <summary>Determines whether an event type has a persisted form.</summary>
    /// <param name="eventType">The .NET type of the event.</param>
    /// <returns><see langword="true"/> if it has.</returns>
    public bool Knows(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return _byType.ContainsKey(eventType);
    }

    private (string Name, JsonTypeInfo Info) Entry(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return _byType.TryGetValue(domainEvent.GetType(), out var entry)
            ? entry
            : throw new ArgumentException($"The event type {domainEvent.GetType().Name} has no persisted form.", nameof(domainEvent));
    }
}
