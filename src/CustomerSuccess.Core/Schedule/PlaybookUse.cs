using System;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Schedule;

/// <summary>
/// One use of a playbook by a user (rule 62: the schedule's side panel lists the playbooks a user used recently).
/// Playbooks are written and used in the CRM; the library only reads their uses, through
/// <see cref="IPlaybookUsageQuery"/>.
/// </summary>
/// <remarks>
/// <para>Init-only properties, so that System.Text.Json and a LINQ provider can map every member.</para>
/// <threadsafety>Immutable; thread-safe.</threadsafety>
/// </remarks>
public sealed record PlaybookUse : IPortalScoped
{
    /// <summary>Gets the portal the playbook belongs to.</summary>
    /// <value>Default: <c>default(PortalId)</c> (invalid).</value>
    public PortalId PortalId { get; init; }

    /// <summary>Gets the playbook.</summary>
    /// <value>Default: <c>default(PlaybookId)</c> (invalid).</value>
    public PlaybookId PlaybookId { get; init; }

    /// <summary>Gets the playbook's name when it was used.</summary>
    /// <value>Default: empty.</value>
    public string PlaybookName { get; init; } = string.Empty;

    /// <summary>Gets the user who used it.</summary>
    /// <value>Default: <c>default(UserId)</c> (invalid).</value>
    public UserId UserId { get; init; }

    /// <summary>Gets when it was used.</summary>
    public Instant UsedAt { get; init; }

    /// <summary>Gets the record it was used on (a contact or a company), if any.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public RecordId? RecordId { get; init; }

    /// <summary>Checks that the use names its portal, playbook and user.</summary>
    /// <param name="use">The use.</param>
    /// <param name="paramName">The argument's name in the exception.</param>
    /// <exception cref="ArgumentNullException"><paramref name="use"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The portal, playbook or user is <c>default</c>.</exception>
    public static void Validate(PlaybookUse use, string paramName)
    {
        ArgumentNullException.ThrowIfNull(use, paramName);
        if (use.PortalId.IsDefault || use.PlaybookId.IsDefault || use.UserId.IsDefault)
        {
            throw new ArgumentException("A playbook use needs its portal, playbook and user.", paramName);
        }
    }
}
