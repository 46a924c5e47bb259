using System;
using System.Collections.Immutable;

namespace CustomerSuccess.Core.HealthScores.Templates;

/// <summary>Ways to start a new score: from the pre-defined groups or from scratch (rules 75, 76).</summary>
/// <remarks>
/// <para>The starter template offers HubSpot's five pre-defined groups (rule 76) with library-chosen criteria; HubSpot
/// does not publish the criteria behind them, so every criterion and point value here is a documented default meant to be
/// edited. It passes Activation validation as is (Max points 25 + 15 + 20 + 20 + 20 = 100, rule 78).</para>
/// <para>Signals the template expects (names are the constants of this class):</para>
/// <list type="table">
/// <item><term>event <c>meeting</c></term><description>a 1:1 meeting with the customer (no properties used).</description></item>
/// <item><term>event <c>email</c></term><description>a 1:1 email exchanged with the customer (no properties used).</description></item>
/// <item><term>event <c>call</c></term><description>a 1:1 call; text property <c>outcome</c>, e.g. <c>connected</c>.</description></item>
/// <item><term>event <c>ticket</c></term><description>a support ticket opened; text property <c>priority</c>, e.g. <c>high</c>.</description></item>
/// <item><term>record text <c>csm_sentiment</c></term><description><c>positive</c>, <c>neutral</c> or <c>negative</c>.</description></item>
/// <item><term>record number <c>nps</c></term><description>the latest NPS answer, 0..10.</description></item>
/// </list>
/// <para>Stateless and thread-safe; every call returns a new immutable definition.</para>
/// </remarks>
public static class HealthScoreTemplates
{
    /// <summary>Name of the starter score.</summary>
    public const string StarterName = "Customer health";

    /// <summary>Event group "1:1 Engagement" (25 points): meetings and emails.</summary>
    public const string EngagementGroup = "1:1 Engagement";

    /// <summary>Event group "1:1 Call Engagement" (15 points): calls.</summary>
    public const string CallEngagementGroup = "1:1 Call Engagement";

    /// <summary>Event group "Supported Tickets" (20 points): few and no urgent support tickets.</summary>
    public const string SupportedTicketsGroup = "Supported Tickets";

    /// <summary>Property group "CSM Sentiment" (20 points): the CSM's assessment.</summary>
    public const string CsmSentimentGroup = "CSM Sentiment";

    /// <summary>Property group "NPS" (20 points): the latest NPS answer.</summary>
    public const string NpsGroup = "NPS";

    /// <summary>Event type of a 1:1 meeting.</summary>
    public const string MeetingEvent = "meeting";

    /// <summary>Event type of a 1:1 email.</summary>
    public const string EmailEvent = "email";

    /// <summary>Event type of a 1:1 call.</summary>
    public const string CallEvent = "call";

    /// <summary>Event type of an opened support ticket.</summary>
    public const string TicketEvent = "ticket";

    /// <summary>Text property of a <see cref="CallEvent"/> event; <c>connected</c> marks a call that reached the customer.</summary>
    public const string CallOutcomeProperty = "outcome";

    /// <summary>Text property of a <see cref="TicketEvent"/> event; <c>high</c> marks an urgent ticket.</summary>
    public const string TicketPriorityProperty = "priority";

    /// <summary>Text property of the scored record: <c>positive</c>, <c>neutral</c> or <c>negative</c>.</summary>
    public const string CsmSentimentProperty = "csm_sentiment";

    /// <summary>Number property of the scored record: the latest NPS answer (0..10).</summary>
    public const string NpsProperty = "nps";

    /// <summary>Creates the starter score with the five pre-defined groups (rules 75, 76).</summary>
    /// <param name="objectType">The scored object type, e.g. <c>companies</c> or <c>contacts</c> (rule 73).</param>
    /// <returns>A complete definition that passes Activation validation; no segments, default thresholds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="objectType"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="objectType"/> is blank.</exception>
    /// <remarks>
    /// Groups and criteria (points; windows are half-open, ending at the as-of instant):
    /// <list type="bullet">
    /// <item>1:1 Engagement (25): meeting in the last 30 days +15; 3 or more meetings in 90 days +10; email in the last 14 days +5; no meeting in 90 days −10.</item>
    /// <item>1:1 Call Engagement (15): call in the last 30 days +10; 2 or more connected calls in 90 days +5.</item>
    /// <item>Supported Tickets (20): no ticket in the last 30 days +10; at most 2 tickets in 90 days +10; a high-priority ticket in the last 30 days −10.</item>
    /// <item>CSM Sentiment (20): positive +20; neutral +10.</item>
    /// <item>NPS (20): promoter (nps &gt;= 9) +20; passive (7 &lt;= nps &lt; 9, two AND'ed conditions) +10.</item>
    /// </list>
    /// </remarks>
    public static HealthScoreDefinition Starter(string objectType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectType);
        ImmutableArray<ScoreGroup> groups =
        [
            new ScoreGroup(
                EngagementGroup,
                ScoreGroupKind.Event,
                25,
                [
                    Event("Meeting in the last 30 days", 15, MeetingEvent, 30, CountOperator.AtLeast, 1),
                    Event("3 or more meetings in 90 days", 10, MeetingEvent, 90, CountOperator.AtLeast, 3),
                    Event("Email in the last 14 days", 5, EmailEvent, 14, CountOperator.AtLeast, 1),
                    Event("No meeting in 90 days", -10, MeetingEvent, 90, CountOperator.Exactly, 0),
                ]),
            new ScoreGroup(
                CallEngagementGroup,
                ScoreGroupKind.Event,
                15,
                [
                    Event("Call in the last 30 days", 10, CallEvent, 30, CountOperator.AtLeast, 1),
                    Event(
                        "2 or more connected calls in 90 days",
                        5,
                        CallEvent,
                        90,
                        CountOperator.AtLeast,
                        2,
                        new TextCondition(CallOutcomeProperty, TextOperator.Is, ["connected"])),
                ]),
            new ScoreGroup(
                SupportedTicketsGroup,
                ScoreGroupKind.Event,
                20,
                [
                    Event("No ticket in the last 30 days", 10, TicketEvent, 30, CountOperator.Exactly, 0),
                    Event("At most 2 tickets in 90 days", 10, TicketEvent, 90, CountOperator.AtMost, 2),
                    Event(
                        "High-priority ticket in the last 30 days",
                        -10,
                        TicketEvent,
                        30,
                        CountOperator.AtLeast,
                        1,
                        new TextCondition(TicketPriorityProperty, TextOperator.Is, ["high"])),
                ]),
            new ScoreGroup(
                CsmSentimentGroup,
                ScoreGroupKind.Property,
                20,
                [
                    new PropertyCriterion("Sentiment positive", 20, [new TextCondition(CsmSentimentProperty, TextOperator.Is, ["positive"])]),
                    new PropertyCriterion("Sentiment neutral", 10, [new TextCondition(CsmSentimentProperty, TextOperator.Is, ["neutral"])]),
                ]),
            new ScoreGroup(
                NpsGroup,
                ScoreGroupKind.Property,
                20,
                [
                    new PropertyCriterion("Promoter (9-10)", 20, [new NumberCondition(NpsProperty, NumberOperator.GreaterThanOrEqual, 9)]),
                    new PropertyCriterion(
                        "Passive (7-8)",
                        10,
                        [
                            new NumberCondition(NpsProperty, NumberOperator.GreaterThanOrEqual, 7),
                            new NumberCondition(NpsProperty, NumberOperator.LessThan, 9),
                        ]),
                ]),
        ];
        return new HealthScoreDefinition(StarterName, objectType, [], groups, StatusThresholds.Default);
    }

    /// <summary>Creates an empty draft to build from scratch (rule 75).</summary>
    /// <param name="name">The score name (may be blank in a draft).</param>
    /// <param name="objectType">The scored object type (may be blank in a draft).</param>
    /// <returns>A definition with no segments, no groups and default thresholds: valid as a draft, not for activation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="objectType"/> is <see langword="null"/>.</exception>
    public static HealthScoreDefinition FromScratch(string name, string objectType)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(objectType);
        return new HealthScoreDefinition(name, objectType, [], [], StatusThresholds.Default);
    }

    private static EventCriterion Event(
        string name,
        int points,
        string eventType,
        int windowDays,
        CountOperator op,
        int count,
        params Condition[] conditions) =>
        new(name, points, eventType, [.. conditions], windowDays, op, count);
}
