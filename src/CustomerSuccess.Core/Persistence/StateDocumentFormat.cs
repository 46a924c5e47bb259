using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CustomerSuccess.Core.Persistence;

/// <summary>
/// The persisted form of one aggregate type: a versioned JSON document (UTF-8) that a store keeps next to the key and the
/// version token, and reads back into the immutable state.
/// </summary>
/// <typeparam name="TKey">The aggregate key.</typeparam>
/// <typeparam name="TState">The aggregate's immutable state.</typeparam>
/// <remarks>
/// <para>A document is an envelope <c>{"aggregate": "…", "schemaVersion": n, "key": "…", "state": {…}}</c>. Reading
/// checks the envelope (the aggregate type, a known schema version, the key it was stored under), upgrades an older
/// document step by step (<see cref="StateDocumentUpgrade"/>), maps the state with System.Text.Json's source-generated
/// metadata (camelCase members, enums as strings, NodaTime values in their ISO forms, typed ids as numbers), and
/// finally checks the aggregate's own invariants. Any failure throws <see cref="PersistedStateException"/> naming the
/// aggregate, the key and the JSON path; nothing is produced, so a bad document is never half-applied.</para>
/// <para>The library's formats are in <see cref="PersistedForms"/>. Unknown members are errors, not silently dropped
/// data.</para>
/// <threadsafety>Instances are immutable and thread-safe.</threadsafety>
/// </remarks>
public abstract class StateDocumentFormat<TKey, TState>
    where TKey : notnull
    where TState : class
{
    private readonly ImmutableArray<StateDocumentUpgrade> _upgrades;

    /// <summary>Initializes a format.</summary>
    /// <param name="aggregateType">The stable name of the aggregate type, e.g. <c>workspace-directory</c>.</param>
    /// <param name="schemaVersion">The schema version this format writes (1 or greater).</param>
    /// <param name="upgrades">One step from every older version (1 … <paramref name="schemaVersion"/> − 1).</param>
    /// <exception cref="ArgumentException"><paramref name="aggregateType"/> is blank, or the steps do not cover every
    /// older version exactly once.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="schemaVersion"/> is less than 1.</exception>
    protected StateDocumentFormat(string aggregateType, int schemaVersion, IEnumerable<StateDocumentUpgrade>? upgrades = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aggregateType);
        ArgumentOutOfRangeException.ThrowIfLessThan(schemaVersion, 1);
        var steps = (upgrades ?? []).OrderBy(u => u?.FromVersion ?? 0).ToImmutableArray();
        if (steps.Any(s => s is null) || !steps.Select(s => s.FromVersion).SequenceEqual(Enumerable.Range(1, schemaVersion - 1)))
        {
            throw new ArgumentException(
                $"The upgrades must hold exactly one step from each schema version 1 to {schemaVersion - 1}.", nameof(upgrades));
        }

        AggregateType = aggregateType;
        SchemaVersion = schemaVersion;
        _upgrades = steps;
    }

    /// <summary>Gets the stable name of the aggregate type, written into every document.</summary>
    public string AggregateType { get; }

    /// <summary>Gets the schema version this format writes; older documents are upgraded when read.</summary>
    public int SchemaVersion { get; }

    /// <summary>Gets the source-generated (or other) metadata that maps the state.</summary>
    protected abstract JsonTypeInfo<TState> StateTypeInfo { get; }

    /// <summary>Renders a key as the stable text a store keeps (unique within <see cref="AggregateType"/>).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The key text.</returns>
    public abstract string FormatKey(TKey key);

    /// <summary>Returns the portal a key belongs to, for stores that partition or index by portal.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The portal.</returns>
    public abstract PortalId PortalOf(TKey key);

    /// <summary>Returns the key a state belongs to: a document whose state names another key is refused.</summary>
    /// <param name="state">The state.</param>
    /// <returns>Its key.</returns>
    protected abstract TKey KeyOf(TState state);

    /// <summary>Checks the aggregate's invariants on a state that was read.</summary>
    /// <param name="state">The state.</param>
    /// <exception cref="ArgumentException">The state is corrupt; the message says how.</exception>
    protected virtual void Validate(TState state)
    {
    }

    /// <summary>Writes the document of a state.</summary>
    /// <param name="key">The key the state is stored under.</param>
    /// <param name="state">The state.</param>
    /// <returns>The UTF-8 JSON document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="state"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="state"/> belongs to another key.</exception>
    public byte[] Write(TKey key, TState state)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(state);
        if (!EqualityComparer<TKey>.Default.Equals(KeyOf(state), key))
        {
            throw new ArgumentException($"The {AggregateType} state belongs to '{FormatKey(KeyOf(state))}', not to '{FormatKey(key)}'.", nameof(state));
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("aggregate", AggregateType);
            writer.WriteNumber("schemaVersion", SchemaVersion);
            writer.WriteString("key", FormatKey(key));
            writer.WritePropertyName("state");
            JsonSerializer.Serialize(writer, state, StateTypeInfo);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a document back into a state, upgrading an older schema version.</summary>
    /// <param name="key">The key the document was stored under.</param>
    /// <param name="document">The UTF-8 JSON document.</param>
    /// <returns>The state, whole and valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="PersistedStateException">The document cannot be read; nothing was produced.</exception>
    public TState Read(TKey key, ReadOnlySpan<byte> document)
    {
        ArgumentNullException.ThrowIfNull(key);
        var keyText = FormatKey(key);
        var state = ReadState(keyText, document);
        TState value;
        try
        {
            value = state.Deserialize(StateTypeInfo) ?? throw Fail(keyText, "$.state", "the state is null", null);
        }
        catch (JsonException e)
        {
            throw Fail(keyText, "$.state" + (e.Path is { Length: > 1 } p ? p[1..] : string.Empty), Clean(e.Message), e);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or NotSupportedException or OverflowException)
        {
            throw Fail(keyText, "$.state", e.Message, e);
        }

        try
        {
            Validate(value);
        }
        catch (ArgumentException e)
        {
            throw Fail(keyText, "$.state", e.Message, e);
        }

        var owner = KeyOf(value);
        return EqualityComparer<TKey>.Default.Equals(owner, key)
            ? value
            : throw Fail(keyText, "$.state", $"the state belongs to '{FormatKey(owner)}'", null);
    }

    private JsonObject ReadState(string keyText, ReadOnlySpan<byte> document)
    {
        JsonNode? root;
        try
        {
            var reader = new Utf8JsonReader(document, new JsonReaderOptions { MaxDepth = 256 });
            root = JsonNode.Parse(ref reader);
        }
        catch (JsonException e)
        {
            throw Fail(keyText, "$", "the document is not valid JSON: " + Clean(e.Message), e);
        }

        if (root is not JsonObject envelope)
        {
            throw Fail(keyText, "$", "the document must be a JSON object", null);
        }

        var aggregate = Text(envelope, "aggregate");
        if (!string.Equals(aggregate, AggregateType, StringComparison.Ordinal))
        {
            throw Fail(keyText, "$.aggregate", aggregate is null ? "the aggregate type is missing" : $"it is a '{aggregate}' document, not a '{AggregateType}' document", null);
        }

        var version = envelope["schemaVersion"] is JsonValue v && v.TryGetValue(out int n) ? n : (int?)null;
        if (version is null or < 1)
        {
            throw Fail(keyText, "$.schemaVersion", "the schema version must be a whole number of at least 1", null);
        }

        if (version > SchemaVersion)
        {
            throw Fail(keyText, "$.schemaVersion", $"schema version {version} is newer than this library reads (up to {SchemaVersion}); upgrade the library", null);
        }

        var storedKey = Text(envelope, "key");
        if (!string.Equals(storedKey, keyText, StringComparison.Ordinal))
        {
            throw Fail(keyText, "$.key", storedKey is null ? "the key is missing" : $"the document was written for key '{storedKey}'", null);
        }

        if (envelope["state"] is not JsonObject state)
        {
            throw Fail(keyText, "$.state", "the state must be a JSON object", null);
        }

        for (var from = version.Value; from < SchemaVersion; from++)
        {
            try
            {
                state = _upgrades[from - 1].Upgrade(state) ?? throw new InvalidOperationException("The upgrade returned no state.");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw Fail(keyText, "$.state", $"upgrading from schema version {from} to {from + 1} failed: {e.Message}", e);
            }
        }

        return state;
    }

    private static string? Text(JsonObject envelope, string name) =>
        envelope[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private PersistedStateException Fail(string key, string path, string reason, Exception? inner) =>
        new(AggregateType, key, path, reason.TrimEnd('.'), inner);

    /// <summary>System.Text.Json appends "Path: … | LineNumber: …" to its messages; the exception names the path
    /// itself.</summary>
    private static string Clean(string message)
    {
        var at = message.IndexOf(" Path:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }
}
