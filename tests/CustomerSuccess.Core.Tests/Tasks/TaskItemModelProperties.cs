using System;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Tasks.Events;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerSuccess.Core.Tests.Tasks.TaskTestData;

namespace CustomerSuccess.Core.Tests.Tasks;

/// <summary>
/// Model-based (state-machine) test of <see cref="TaskItem"/>: random sequences of create, edit, set, assign, complete,
/// reopen and delete by random actors run against the aggregate (restored from the previous state before every step, as
/// a store would) and against a tiny immutable model. After every step the outcome, the state and the recorded event
/// must match the model, and a refused step must leave the state as it was and record nothing.
/// </summary>
public sealed class TaskItemModelProperties
{
    private static readonly Actor[] Actors = [Csm1, Csm2, Manager, SeatlessSuperAdmin, Manager.ViewAs(Csm1)];

    internal enum Kind
    {
        Create,
        Edit,
        SetPriority,
        Assign,
        Complete,
        Reopen,
        Delete,
    }

    private static Arbitrary<Op[]> Sequences() => Arb.From(
        from length in Gen.Choose(1, 40)
        from ops in Gen.ArrayOf(
            from kind in Gen.Elements(Enum.GetValues<Kind>())
            from actor in Gen.Frequency((3, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)))
            from assignee in Gen.Choose(0, 3)
            from minutes in Gen.Choose(0, 10_000)
            from blank in Gen.Frequency((1, Gen.Constant(true)), (6, Gen.Constant(false)))
            select new Op(kind, actor, assignee, minutes, blank),
            length)
        select ops);

    [Property(MaxTest = 500)]
    [Trait("Rule", "56")]
    [Trait("Rule", "58")]
    public Property AnySequence_MatchesTheModel_AndRefusalsChangeNothing() =>
        Prop.ForAll(Sequences(), ops =>
        {
            var state = TaskItem.CreateInitialState(Key(1));
            var model = new Model(false, null, null, string.Empty, TaskPriority.None, null);
            var step = 0;
            foreach (var op in ops)
            {
                step++;
                var context = $"step {step}: {op}";
                var actor = Actors[op.Actor];
                var task = new TaskItem(state, AccessPolicy.Default);
                var now = Now + Duration.FromMinutes(op.Minutes);
                if (op.Kind == Kind.Create && model.Exists && actor.ViewedBy is null && actor.HasServiceSeat)
                {
                    Assert.Throws<InvalidOperationException>(() => task.Create(actor, Account, Details(), now));
                    continue;
                }

                var (expected, next, eventType) = Expect(model, op, actor, now);
                var result = Run(task, op, actor, now);
                if (expected is null)
                {
                    Assert.True(result.IsSuccess, $"{context}: expected success, got {result}");
                    Assert.Equal(eventType, task.DomainEvents.SingleOrDefault()?.GetType());
                }
                else
                {
                    Assert.True(result.IsFailure && result.Error!.Is(expected), $"{context}: expected {expected}, got {result}");
                    Assert.Same(state, task.State);
                    Assert.Empty(task.DomainEvents);
                    Assert.False(task.IsDeleted);
                }

                model = next;
                state = task.IsDeleted ? TaskItem.CreateInitialState(Key(1)) : task.State;
                Assert.Equal(model.Exists, state.Exists);
                if (model.Exists)
                {
                    Assert.Equal((model.CreatedBy, model.Assignee, model.Title, model.Priority, model.CompletedAt), (state.CreatedBy, state.AssigneeId, state.Title, state.Priority, state.CompletedAt));
                }
            }

            return true;
        });

    private static Result Run(TaskItem task, Op op, Actor actor, Instant now) => op.Kind switch
    {
        Kind.Create => task.Create(actor, Account, Details(op.Blank ? " " : "Task", assignee: AssigneeOf(op)), now).ToResult(),
        Kind.Edit => task.Edit(actor, Account, Details(op.Blank ? "" : $"Task {op.Assignee}", assignee: AssigneeOf(op)) with { Priority = task.State.Priority }, now).ToResult(),
        Kind.SetPriority => task.Set(actor, Account, TaskPropertyUpdate.Priority((TaskPriority)op.Assignee), now).ToResult(),
        Kind.Assign => task.Assign(actor, Account, AssigneeOf(op)?.UserId, now).ToResult(),
        Kind.Complete => task.Complete(actor, Account, now).ToResult(),
        Kind.Reopen => task.Reopen(actor, Account, now).ToResult(),
        _ => task.Delete(actor, Account, now).ToResult(),
    };

    private static Actor? AssigneeOf(Op op) => op.Assignee == 0 ? null : Actors[op.Assignee - 1];

    /// <summary>What the model says: the expected error code (null for success), the next model, and the event type
    /// (null when nothing changes).</summary>
    private static (string? Code, Model Next, Type? Event) Expect(Model model, Op op, Actor actor, Instant now)
    {
        if (actor.ViewedBy is not null)
        {
            return (AccessErrors.ViewAsReadOnlyCode, model, null);
        }

        if (!actor.HasServiceSeat)
        {
            return (AccessErrors.SummaryOnlyCode, model, null);
        }

        if (op.Kind == Kind.Create)
        {
            return op.Blank
                ? (TaskErrors.TitleInvalidCode, model, null)
                : (null, new Model(true, actor.UserId, AssigneeOf(op)?.UserId, "Task", TaskPriority.None, null), typeof(TaskCreated));
        }

        if (!model.Exists)
        {
            return (TaskErrors.NotFoundCode, model, null);
        }

        var own = model.Assignee == actor.UserId || model.CreatedBy == actor.UserId;
        if (!own && !actor.Has(CsPermissions.ManageSettings) && !actor.IsSuperAdmin)
        {
            return (AccessErrors.PermissionRequiredCode, model, null);
        }

        switch (op.Kind)
        {
            case Kind.Edit:
                if (op.Blank)
                {
                    return (TaskErrors.TitleInvalidCode, model, null);
                }

                var edited = model with { Title = $"Task {op.Assignee}", Assignee = AssigneeOf(op)?.UserId };
                return (null, edited, edited == model ? null : typeof(TaskEdited));
            case Kind.SetPriority:
                var priority = model with { Priority = (TaskPriority)op.Assignee };
                return (null, priority, priority == model ? null : typeof(TaskEdited));
            case Kind.Assign:
                var assigned = model with { Assignee = AssigneeOf(op)?.UserId };
                return (null, assigned, assigned == model ? null : typeof(TaskAssigned));
            case Kind.Complete:
                return model.CompletedAt is null ? (null, model with { CompletedAt = now }, typeof(TaskCompleted)) : (null, model, null);
            case Kind.Reopen:
                return model.CompletedAt is null ? (null, model, null) : (null, model with { CompletedAt = null }, typeof(TaskReopened));
            default:
                return (null, new Model(false, null, null, string.Empty, TaskPriority.None, null), typeof(TaskDeleted));
        }
    }

    internal sealed record Op(Kind Kind, int Actor, int Assignee, int Minutes, bool Blank)
    {
        public override string ToString() => $"{Kind}(actor {Actors[Actor].UserId}{(Actors[Actor].ViewedBy is null ? "" : " viewed")}, assignee {Assignee}, +{Minutes}m, blank {Blank})";
    }

    /// <summary>The model: whether the task exists, who created it, to whom it is assigned, its title, priority and
    /// completion.</summary>
    internal sealed record Model(bool Exists, UserId? CreatedBy, UserId? Assignee, string Title, TaskPriority Priority, Instant? CompletedAt);
}
