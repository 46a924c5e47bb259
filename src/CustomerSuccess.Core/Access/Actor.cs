using System;

namespace CustomerSuccess.Core.Access;

/// <summary>The user on whose behalf an operation runs, with what the access policy needs to know about them.</summary>
/// <param name="UserId">The user.</param>
/// <param name="PrimaryTeamId">The user's primary team, or <see langword="null"/> if they have none (rule 28).</param>
/// <param name="IsSuperAdmin">Whether the user is a super admin of the account.</param>
/// <param name="HasServiceSeat">Whether a paid Service Hub seat is assigned to the user (rule 2).</param>
/// <param name="Permissions">The user's Customer Success permissions.</param>
/// <remarks>Immutable. Build one per request from your identity system; the library never looks a user up. For "view as
/// user" (rules 8, 41) build the viewed user and call <see cref="ViewAs"/> on the real user's actor.</remarks>
public sealed record Actor(UserId UserId, TeamId? PrimaryTeamId, bool IsSuperAdmin, bool HasServiceSeat, CsPermissions Permissions)
{
    /// <summary>Gets the real user when this actor is another user's workspace shown through "view as user" (rules 8,
    /// 41); <see langword="null"/> for an ordinary actor.</summary>
    /// <value>Set by <see cref="ViewAs"/>. While it is set, the access policy allows reading only (what the viewed user
    /// would see), and only if the real user may use "view as user".</value>
    public Actor? ViewedBy { get; private init; }

    /// <summary>Returns <paramref name="user"/> as this actor sees them through "view as user" (rules 8, 41): reads are
    /// answered as <paramref name="user"/> would see them (their workspace, their private views, "me" is them), after
    /// the access policy has checked that this actor may view as another user; every change is refused.</summary>
    /// <param name="user">The user whose workspace is shown.</param>
    /// <returns>The viewed user, with <see cref="ViewedBy"/> set to this actor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">This actor is itself a view-as actor (views do not nest).</exception>
    public Actor ViewAs(Actor user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (ViewedBy is not null || user.ViewedBy is not null)
        {
            throw new ArgumentException("\"View as user\" cannot be nested.", nameof(user));
        }

        return user with { ViewedBy = this };
    }

    /// <summary>Gets a value indicating whether the actor holds every permission in <paramref name="permissions"/>.</summary>
    /// <param name="permissions">The permissions to check.</param>
    /// <returns><see langword="true"/> if all are held.</returns>
    public bool Has(CsPermissions permissions) => (Permissions & permissions) == permissions;

    /// <summary>Creates an ordinary CSM: workspace permission and a Service seat, no settings permission.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="primaryTeamId">The user's primary team, if any.</param>
    /// <returns>The actor.</returns>
    public static Actor Csm(UserId userId, TeamId? primaryTeamId = null) =>
        new(userId, primaryTeamId, IsSuperAdmin: false, HasServiceSeat: true, CsPermissions.WorkspaceAccess);

    /// <summary>Creates a CS manager: workspace and settings permissions and a Service seat.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="primaryTeamId">The user's primary team, if any.</param>
    /// <returns>The actor.</returns>
    public static Actor Manager(UserId userId, TeamId? primaryTeamId = null) =>
        new(userId, primaryTeamId, IsSuperAdmin: false, HasServiceSeat: true, CsPermissions.WorkspaceAccess | CsPermissions.ManageSettings);

    /// <summary>Creates a super admin with or without a Service seat.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="hasServiceSeat">Whether a Service seat is assigned.</param>
    /// <param name="primaryTeamId">The user's primary team, if any.</param>
    /// <returns>The actor.</returns>
    public static Actor SuperAdmin(UserId userId, bool hasServiceSeat, TeamId? primaryTeamId = null) =>
        new(userId, primaryTeamId, IsSuperAdmin: true, hasServiceSeat, CsPermissions.WorkspaceAccess);

    /// <summary>Returns a copy of this actor with extra permissions.</summary>
    /// <param name="permissions">The permissions to add.</param>
    /// <returns>The new actor.</returns>
    public Actor With(CsPermissions permissions) => this with { Permissions = Permissions | permissions };
}
