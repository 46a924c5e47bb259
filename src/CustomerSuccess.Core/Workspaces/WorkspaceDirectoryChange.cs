using System.Collections.Generic;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>What a <see cref="WorkspaceService"/> command did: the directory afterwards, the workspace it was about and
/// the events to dispatch.</summary>
/// <param name="State">The directory's state after the command (as saved).</param>
/// <param name="Workspace">The workspace the command created or changed, as it is now; <see langword="null"/> after a
/// delete or an account-level object change.</param>
/// <param name="Events">The events the command recorded; empty when it changed nothing. Dispatch them after the command
/// returned (it was saved then).</param>
public sealed record WorkspaceDirectoryChange(WorkspaceDirectoryState State, Workspace? Workspace, IReadOnlyList<IDomainEvent> Events);
