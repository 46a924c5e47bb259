using System;
using System.Text.Json.Nodes;

namespace CustomerSuccess.Core.Persistence;

/// <summary>One step of a state document's schema history: turns the <c>state</c> object of schema version
/// <see cref="FromVersion"/> into the <c>state</c> object of version <see cref="FromVersion"/> + 1.</summary>
/// <param name="FromVersion">The schema version the step reads (1 or greater).</param>
/// <param name="Upgrade">The transformation. It may change the object it is given and return it, or return a new one;
/// it throws when the document cannot be upgraded (the read then fails with a <see cref="PersistedStateException"/>).</param>
/// <remarks>Steps run in order when an older document is read, so a format at schema version 3 keeps the steps from
/// 1 and from 2 forever; documents are upgraded on read and rewritten in the current version on the next save.</remarks>
public sealed record StateDocumentUpgrade(int FromVersion, Func<JsonObject, JsonObject> Upgrade);
