using System;

namespace CustomerSuccess.Core.Persistence;

/// <summary>
/// A stored document could not be read back into an aggregate state: it is not JSON, it belongs to another aggregate or
/// key, its schema version is unknown, a value has the wrong shape, or the state it describes breaks an invariant.
/// </summary>
/// <remarks>
/// Reading is all or nothing: when this exception is thrown, no state was produced, so nothing can be half-applied.
/// The message names the aggregate, the key and the JSON path of the offending value (<c>$</c> when the whole document
/// is at fault), so an operator can find the row and the member to repair.
/// </remarks>
public sealed class PersistedStateException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="aggregateType">The aggregate type the document was read as.</param>
    /// <param name="key">The key the document was read under.</param>
    /// <param name="path">The JSON path of the offending value.</param>
    /// <param name="reason">What is wrong, in words.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public PersistedStateException(string aggregateType, string key, string path, string reason, Exception? innerException = null)
        : base($"The stored {aggregateType} '{key}' cannot be read: {reason} (at {path}).", innerException)
    {
        AggregateType = aggregateType;
        Key = key;
        Path = path;
        Reason = reason;
    }

    /// <summary>Gets the aggregate type the document was read as, e.g. <c>workspace-directory</c>.</summary>
    public string AggregateType { get; }

    /// <summary>Gets the key the document was read under, as the format renders it.</summary>
    public string Key { get; }

    /// <summary>Gets the JSON path of the offending value, e.g. <c>$.state.workspaces['2'].teams[0]</c>.</summary>
    public string Path { get; }

    /// <summary>Gets what is wrong, without the aggregate, key and path.</summary>
    public string Reason { get; }
}
