using System;

namespace CustomerSuccess.Core;

/// <summary>Who set a change in motion: a user, or the system itself for a time-driven transition (an alert that
/// expires, an override that runs out).</summary>
/// <remarks><para>Every <see cref="IDomainEvent"/> carries one. A user-initiated change names the acting user (for
/// "view as user", the user who acted, not the user whose view was shown). <c>default</c> is
/// <see cref="System"/>.</para>
/// <threadsafety>Immutable value type; thread-safe.</threadsafety></remarks>
public readonly record struct Initiator
{
    private Initiator(UserId user) => UserId = user;

    /// <summary>Gets the initiator of time-driven transitions, which no user started.</summary>
    public static Initiator System => default;

    /// <summary>Gets the acting user, or <see langword="null"/> for <see cref="System"/>.</summary>
    public UserId? UserId { get; }

    /// <summary>Gets a value indicating whether the system, not a user, initiated the change.</summary>
    public bool IsSystem => UserId is null;

    /// <summary>Returns the initiator for a change a user made.</summary>
    /// <param name="userId">The acting user.</param>
    /// <returns>The initiator.</returns>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is <c>default</c>.</exception>
    public static Initiator User(UserId userId)
    {
        if (userId.IsDefault)
        {
            throw new ArgumentException("The user id must not be default.", nameof(userId));
        }

        return new Initiator(userId);
    }

    /// <summary>Returns <c>user 7</c> or <c>system</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => UserId is { } user ? "user " + user.ToString() : "system";
}
