using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CustomerSuccess.Core.Persistence;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Workspaces;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Persistence;

public sealed class PersistedFormTests
{
    private static readonly PortalId Portal = PortalId.From(42);

    public static TheoryData<string> Aggregates => ["workspace-directory", "workspace-configuration", "view-catalog", "health-score-catalog", "task"];

    /// <summary>The documents of schema version 1 are frozen: every later version of the library must read them into
    /// the same states, and (while version 1 is current) write exactly these bytes.</summary>
    [Theory]
    [MemberData(nameof(Aggregates))]
    public void Frozen_documents_of_schema_version_1_read_and_write_unchanged(string aggregate)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Persistence", "Documents", aggregate + ".v1.json");
        var (written, read) = aggregate switch
        {
            "workspace-directory" => RoundTrip(PersistedForms.WorkspaceDirectory, Portal, PersistenceSamples.Directory, path),
            "workspace-configuration" => RoundTrip(PersistedForms.WorkspaceConfiguration, Portal, PersistenceSamples.Configuration, path),
            "view-catalog" => RoundTrip(PersistedForms.ViewCatalog, PersistenceSamples.ViewCatalog.Key, PersistenceSamples.ViewCatalog, path),
            "task" => RoundTrip(PersistedForms.Task, PersistenceSamples.Task.Key, PersistenceSamples.Task, path),
            _ => RoundTrip(PersistedForms.HealthScoreCatalog, Portal, PersistenceSamples.HealthScoreCatalog, path),
        };
        Assert.True(read, "the frozen document reads into the sample state");
        Assert.Equal(File.ReadAllText(path).TrimEnd(), written);
    }

    [Fact]
    public void A_document_names_its_aggregate_schema_version_and_key()
    {
        var document = JsonNode.Parse(PersistedForms.ViewCatalog.Write(PersistenceSamples.ViewCatalog.Key, PersistenceSamples.ViewCatalog))!;
        Assert.Equal("view-catalog", (string?)document["aggregate"]);
        Assert.Equal(1, (int?)document["schemaVersion"]);
        Assert.Equal("42/3/customers", (string?)document["key"]);
        Assert.NotNull(document["state"]);
    }

    [Fact]
    public void Writing_a_state_under_another_key_is_an_argument_error()
    {
        var state = WorkspaceDirectory.CreateInitialState(Portal);
        Assert.Throws<ArgumentException>(() => PersistedForms.WorkspaceDirectory.Write(PortalId.From(7), state));
        Assert.Throws<ArgumentNullException>(() => PersistedForms.WorkspaceDirectory.Write(Portal, null!));
    }

    [Fact]
    public void Instants_keep_nanosecond_precision()
    {
        var at = Instant.FromUtc(2026, 3, 29, 1, 30, 15).PlusNanoseconds(123_456_789);
        var state = PersistenceSamples.HealthScoreCatalog;
        var score = state.Scores[0];
        var changed = state with { Scores = [score with { Versions = [score.Versions[0] with { ActivatedAt = at }] }, .. state.Scores.Skip(1)] };
        var read = PersistedForms.HealthScoreCatalog.Read(Portal, PersistedForms.HealthScoreCatalog.Write(Portal, changed));
        Assert.Equal(at, read.Scores[0].Versions[0].ActivatedAt);
    }

    [Theory]
    [InlineData("not json", "$", "not valid JSON")]
    [InlineData("[1, 2]", "$", "must be a JSON object")]
    [InlineData("""{"aggregate":"view-catalog","schemaVersion":1,"key":"42","state":{}}""", "$.aggregate", "'view-catalog' document")]
    [InlineData("""{"schemaVersion":1,"key":"42","state":{}}""", "$.aggregate", "aggregate type is missing")]
    [InlineData("""{"aggregate":"workspace-directory","schemaVersion":2,"key":"42","state":{}}""", "$.schemaVersion", "newer than this library reads")]
    [InlineData("""{"aggregate":"workspace-directory","schemaVersion":"1","key":"42","state":{}}""", "$.schemaVersion", "whole number")]
    [InlineData("""{"aggregate":"workspace-directory","schemaVersion":1,"key":"43","state":{}}""", "$.key", "written for key '43'")]
    [InlineData("""{"aggregate":"workspace-directory","schemaVersion":1,"key":"42","state":[]}""", "$.state", "must be a JSON object")]
    public void An_unreadable_envelope_names_the_aggregate_key_and_path(string document, string path, string reason)
    {
        var error = Assert.Throws<PersistedStateException>(() => PersistedForms.WorkspaceDirectory.Read(Portal, Encoding.UTF8.GetBytes(document)));
        Assert.Equal("workspace-directory", error.AggregateType);
        Assert.Equal("42", error.Key);
        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("workspace-directory '42'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.workspaces.2.teams[0]", "\"teams\":[10", "\"teams\":[\"x\",10")]
    [InlineData("$.lastWorkspaceNumber", "\"lastWorkspaceNumber\":", "\"lastWorkspaceNumber\":\"many\",\"ignored\":")]
    [InlineData("$.workspaces.2.name", "\"name\":\"Team Ω\"", "\"name\":null")]
    [InlineData("$.workspaces.2.nickname", "\"name\":\"Team Ω\"", "\"name\":\"Team Ω\",\"nickname\":\"x\"")]
    public void A_bad_value_names_its_path(string path, string find, string replace)
    {
        var key = PersistenceSamples.Directory.PortalId;
        var document = Encoding.UTF8.GetString(PersistedForms.WorkspaceDirectory.Write(key, PersistenceSamples.Directory));
        Assert.Contains(find, document, StringComparison.Ordinal);
        var broken = document.Replace(find, replace, StringComparison.Ordinal);
        var error = Assert.Throws<PersistedStateException>(() => PersistedForms.WorkspaceDirectory.Read(key, Encoding.UTF8.GetBytes(broken)));
        Assert.StartsWith("$.state", error.Path, StringComparison.Ordinal);
        Assert.Contains(path[1..], error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_that_breaks_an_invariant_is_refused_whole()
    {
        // Two workspaces holding the same team (rule 27).
        var state = PersistenceSamples.Directory;
        var team = state.TeamWorkspaces.First().Teams.First();
        var last = state.TeamWorkspaces.Last();
        var corrupt = state with { Workspaces = state.Workspaces.SetItem(last.Id, last with { Teams = last.Teams.Add(team) }) };
        var document = WriteUnchecked(PersistedForms.WorkspaceDirectory, PersistenceJson.Info<WorkspaceDirectoryState>(), state.PortalId, corrupt);

        var error = Assert.Throws<PersistedStateException>(() => PersistedForms.WorkspaceDirectory.Read(state.PortalId, document));
        Assert.Equal("$.state", error.Path);
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_of_another_portal_under_this_key_is_refused()
    {
        var other = WorkspaceDirectory.CreateInitialState(PortalId.From(7));
        var document = Encoding.UTF8.GetString(PersistedForms.WorkspaceDirectory.Write(other.PortalId, other)).Replace("\"key\":\"7\"", "\"key\":\"42\"", StringComparison.Ordinal);
        var error = Assert.Throws<PersistedStateException>(() => PersistedForms.WorkspaceDirectory.Read(Portal, Encoding.UTF8.GetBytes(document)));
        Assert.Contains("belongs to '7'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_older_schema_version_is_upgraded_step_by_step()
    {
        var format = new NoteFormat();
        var v1 = """{"aggregate":"note","schemaVersion":1,"key":"5","state":{"portal":5,"text":"hello"}}""";
        var v2 = """{"aggregate":"note","schemaVersion":2,"key":"5","state":{"portalId":5,"text":"hello"}}""";
        var v3 = """{"aggregate":"note","schemaVersion":3,"key":"5","state":{"portalId":5,"text":"hello","tags":[]}}""";
        var expected = new Note(PortalId.From(5), "hello", []);

        foreach (var document in new[] { v1, v2, v3 })
        {
            var note = format.Read(PortalId.From(5), Encoding.UTF8.GetBytes(document));
            Assert.Equal(expected.PortalId, note.PortalId);
            Assert.Equal(expected.Text, note.Text);
            Assert.Empty(note.Tags);
        }

        Assert.Equal(v3, Encoding.UTF8.GetString(format.Write(PortalId.From(5), expected)));
    }

    [Fact]
    public void An_upgrade_that_fails_names_the_step()
    {
        var document = """{"aggregate":"note","schemaVersion":1,"key":"5","state":{"text":"no portal"}}""";
        var error = Assert.Throws<PersistedStateException>(() => new NoteFormat().Read(PortalId.From(5), Encoding.UTF8.GetBytes(document)));
        Assert.Contains("upgrading from schema version 1 to 2 failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_format_needs_one_upgrade_from_every_older_version()
    {
        Assert.Throws<ArgumentException>(() => new NoteFormat(skipStep: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BadVersionFormat());
    }

    [Fact]
    public void Every_domain_event_of_the_library_has_a_persisted_form_and_round_trips()
    {
        var eventTypes = typeof(IDomainEvent).Assembly.GetTypes()
            .Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .ToArray();
        Assert.NotEmpty(eventTypes);
        Assert.Equal(eventTypes.Length, PersistedForms.Events.TypeNames.Count);
        foreach (var type in eventTypes)
        {
            Assert.True(PersistedForms.Events.Knows(type), type.Name);
            var sample = PersistenceSamples.Event(type);
            var name = PersistedForms.Events.TypeNameOf(sample);
            var payload = PersistedForms.Events.Write(sample);
            var read = PersistedForms.Events.Read(name, payload);
            Assert.IsType(type, read);
            Assert.Equal(Encoding.UTF8.GetString(payload), Encoding.UTF8.GetString(PersistedForms.Events.Write(read)));
        }
    }

    [Fact]
    public void An_unknown_event_type_or_payload_is_a_clear_error()
    {
        var unknown = Assert.Throws<PersistedStateException>(() => PersistedForms.Events.Read("workspace.exploded", "{}"u8));
        Assert.Contains("not a known event type", unknown.Message, StringComparison.Ordinal);
        var bad = Assert.Throws<PersistedStateException>(() => PersistedForms.Events.Read("workspace.renamed", """{"portalId":"x"}"""u8));
        Assert.Equal("workspace.renamed", bad.Key);
        Assert.Throws<ArgumentException>(() => PersistedForms.Events.Write(new ForeignEvent(Portal, Initiator.System, Instant.FromUnixTimeSeconds(0))));
    }

    [Fact]
    public void A_task_document_is_keyed_portal_slash_task_and_refuses_a_state_that_holds_no_task()
    {
        var task = PersistenceSamples.Task;
        var document = JsonNode.Parse(PersistedForms.Task.Write(task.Key, task))!;
        Assert.Equal("task", (string?)document["aggregate"]);
        Assert.Equal("42/5", (string?)document["key"]);
        Assert.Equal(Portal, PersistedForms.Task.PortalOf(task.Key));
        Assert.Null(document["state"]!["exists"]);
        Assert.Null(document["state"]!["key"]);

        var empty = TaskItem.CreateInitialState(task.Key);
        var noTask = WriteUnchecked(PersistedForms.Task, PersistenceJson.Info<TaskState>(), task.Key, empty);
        var error = Assert.Throws<PersistedStateException>(() => PersistedForms.Task.Read(task.Key, noTask));
        Assert.Equal("42/5", error.Key);
        Assert.StartsWith("$.state", error.Path, StringComparison.Ordinal);

        var twice = task with { Associations = [task.Associations[0], task.Associations[0]] };
        var duplicate = WriteUnchecked(PersistedForms.Task, PersistenceJson.Info<TaskState>(), task.Key, twice);
        Assert.Contains("associated twice", Assert.Throws<PersistedStateException>(() => PersistedForms.Task.Read(task.Key, duplicate)).Message, StringComparison.Ordinal);
    }

    private static (string Written, bool ReadsBack) RoundTrip<TKey, TState>(StateDocumentFormat<TKey, TState> format, TKey key, TState sample, string path)
        where TKey : notnull
        where TState : class
    {
        var written = Encoding.UTF8.GetString(format.Write(key, sample));
        if (Environment.GetEnvironmentVariable("CS_WRITE_FROZEN_DOCUMENTS") == "1")
        {
            var source = Path.Combine(SourceDirectory(), "Documents", Path.GetFileName(path));
            File.WriteAllText(source, written + "\n");
        }

        var read = format.Read(key, File.ReadAllBytes(path));
        return (written, read.Equals(sample));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;

    private static byte[] WriteUnchecked<TKey, TState>(StateDocumentFormat<TKey, TState> format, JsonTypeInfo<TState> info, TKey key, TState state)
        where TKey : notnull
        where TState : class
    {
        var envelope = new JsonObject
        {
            ["aggregate"] = format.AggregateType,
            ["schemaVersion"] = format.SchemaVersion,
            ["key"] = format.FormatKey(key),
            ["state"] = System.Text.Json.JsonSerializer.SerializeToNode(state, info),
        };
        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    private sealed record ForeignEvent(PortalId PortalId, Initiator Initiator, Instant OccurredAt) : IDomainEvent;

    public sealed record Note(PortalId PortalId, string Text, ImmutableArray<string> Tags);

    /// <summary>A format with a history: version 1 called the portal "portal", version 2 renamed it, version 3 added
    /// tags.</summary>
    private sealed class NoteFormat(bool skipStep = false) : StateDocumentFormat<PortalId, Note>(
        "note",
        3,
        skipStep
            ? [new StateDocumentUpgrade(2, AddTags)]
            : [new StateDocumentUpgrade(2, AddTags), new StateDocumentUpgrade(1, RenamePortal)])
    {
        private static readonly JsonTypeInfo<Note> Info = (JsonTypeInfo<Note>)new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        }.GetTypeInfo(typeof(Note));

        protected override JsonTypeInfo<Note> StateTypeInfo => Info;

        public override string FormatKey(PortalId key) => key.ToString();

        public override PortalId PortalOf(PortalId key) => key;

        protected override PortalId KeyOf(Note state) => state.PortalId;

        private static JsonObject RenamePortal(JsonObject state)
        {
            var portal = state["portal"] ?? throw new InvalidOperationException("the portal is missing");
            state.Remove("portal");
            return new JsonObject(state.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).Prepend(KeyValuePair.Create("portalId", (JsonNode?)portal.DeepClone())));
        }

        private static JsonObject AddTags(JsonObject state)
        {
            state["tags"] = new JsonArray();
            return state;
        }
    }

    private sealed class BadVersionFormat() : StateDocumentFormat<PortalId, Note>("note", 0)
    {
        protected override JsonTypeInfo<Note> StateTypeInfo => throw new NotSupportedException();

        public override string FormatKey(PortalId key) => key.ToString();

        public override PortalId PortalOf(PortalId key) => key;

        protected override PortalId KeyOf(Note state) => state.PortalId;
    }
}
