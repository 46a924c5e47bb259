using System;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Tasks.Events;
using NodaTime;
using static CustomerSuccess.Core.Tests.Tasks.TaskTestData;

namespace CustomerSuccess.Core.Tests.Tasks;

public sealed class TaskItemTests
{
    [Fact]
    [Trait("Rule", "56")]
    public void Create_ValidDetails_SetsEveryFieldAndRecordsTaskCreated()
    {
        var task = NewTask();
        var details = Details("  Call Acme about renewal ", assignee: Csm2) with { Notes = "Ask about seats", Priority = TaskPriority.High, Associations = [Acme, Jane] };

        var created = task.Create(Csm1, Account, details, Now);

        Assert.True(created.IsSuccess, created.ToString());
        var state = task.State;
        Assert.True(state.Exists);
        Assert.Equal("Call Acme about renewal", state.Title);
        Assert.Equal(("Ask about seats", TaskType.Call, TaskPriority.High, Csm2.UserId), (state.Notes, state.Type, state.Priority, state.AssigneeId));
        Assert.Equal(details.DueAt, state.DueAt);
        Assert.Equal([Acme, Jane], state.Associations);
        Assert.Equal((Csm1.UserId, Now), (state.CreatedBy, state.CreatedAt));
        Assert.Null(state.CompletedAt);
        Assert.True(state.IsOwnedBy(Csm1.UserId) && state.IsOwnedBy(Csm2.UserId) && !state.IsOwnedBy(Manager.UserId));
        var e = Assert.IsType<TaskCreated>(Assert.Single(task.DomainEvents));
        Assert.Equal((Key(1), Portal, Initiator.User(Csm1.UserId), Now), (e.Task, e.PortalId, e.Initiator, e.OccurredAt));
        Assert.Equal(state.Details, e.Details);
    }

    [Theory]
    [Trait("Rule", "56")]
    [InlineData("", TaskErrors.TitleInvalidCode)]
    [InlineData("   ", TaskErrors.TitleInvalidCode)]
    [InlineData("long-title", TaskErrors.TitleInvalidCode)]
    [InlineData("long-notes", TaskErrors.NotesInvalidCode)]
    [InlineData("early-due", TaskErrors.DueInvalidCode)]
    [InlineData("late-due", TaskErrors.DueInvalidCode)]
    [InlineData("twice", TaskErrors.AssociationsInvalidCode)]
    [InlineData("too-many", TaskErrors.AssociationsInvalidCode)]
    public void Create_InvalidDetails_IsRefusedWithAStableCode_AndChangesNothing(string kind, string code)
    {
        var task = NewTask();
        var before = task.State;
        var details = kind switch
        {
            "long-title" => Details(new string('x', TaskItem.MaxTitleLength + 1)),
            "long-notes" => Details() with { Notes = new string('x', TaskItem.MaxNotesLength + 1) },
            "early-due" => Details(due: TaskItem.EarliestDue - Duration.Epsilon),
            "late-due" => Details(due: TaskItem.LatestDue),
            "twice" => Details() with { Associations = [Acme, Jane, Acme] },
            "too-many" => Details() with { Associations = [.. Enumerable.Range(1, TaskItem.MaxAssociations + 1).Select(i => new CustomerSuccess.Core.Records.RecordReference(CustomerSuccess.Core.Crm.CrmObjectType.Companies, CustomerSuccess.Core.Records.RecordId.From(i)))] },
            _ => Details(kind),
        };

        var result = task.Create(Csm1, Account, details, Now);

        Assert.True(result.IsFailure);
        Assert.Equal(code, result.Error!.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        Assert.Same(before, task.State);
        Assert.Empty(task.DomainEvents);
    }

    [Fact]
    public void Operations_ArgumentMistakes_Throw()
    {
        var task = Created(Csm1, Details());

        Assert.Throws<ArgumentNullException>(() => NewTask().Create(Csm1, Account, null!, Now));
        Assert.Throws<ArgumentNullException>(() => new TaskDetails(null!, TaskType.Call, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => NewTask().Create(Csm1, Account, Details(type: (TaskType)99), Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => NewTask().Create(Csm1, Account, Details() with { Priority = (TaskPriority)9 }, Now));
        Assert.Throws<ArgumentException>(() => task.Complete(Csm1, OtherPortal, Now));
        Assert.Throws<ArgumentException>(() => task.Assign(Csm1, Account, default(UserId), Now));
        Assert.Throws<ArgumentException>(() => NewTask().Create(Csm1, Account, Details() with { AssigneeId = default(UserId) }, Now));
        Assert.Throws<ArgumentException>(() => task.Edit(Csm1, Account, Details() with { AssigneeId = default(UserId) }, Now));
        Assert.Throws<ArgumentNullException>(() => task.Complete(null!, Account, Now));
        Assert.Throws<InvalidOperationException>(() => task.Create(Csm1, Account, Details(), Now));
        Assert.Throws<ArgumentException>(() => new TaskItem(new TaskState { PortalId = Portal }, AccessPolicy.Default));
        Assert.Throws<ArgumentException>(() => TaskKey.Create(Portal, default));
    }

    [Fact]
    [Trait("Rule", "58")]
    public void CompleteAndReopen_ChangeTheStatusOnce_ARepeatChangesNothingAndRecordsNoEvent()
    {
        var task = Created(Csm1, Details());
        var later = Now + Duration.FromMinutes(5);

        Assert.True(task.Complete(Csm1, Account, later).IsSuccess);
        var completed = task.State;
        Assert.True(task.Complete(Csm1, Account, later + Duration.FromHours(1)).IsSuccess);
        Assert.Same(completed, task.State);
        Assert.Equal(later, completed.CompletedAt);
        Assert.True(task.Reopen(Csm1, Account, later).IsSuccess);
        Assert.True(task.Reopen(Csm1, Account, later).IsSuccess);

        Assert.Null(task.State.CompletedAt);
        Assert.Equal([typeof(TaskCompleted), typeof(TaskReopened)], task.DomainEvents.Select(e => e.GetType()));
    }

    [Fact]
    [Trait("Rule", "58")]
    public void EditAndSet_ChangeWhatWasEntered_TheSameDetailsRecordNoEvent()
    {
        var task = Created(Csm1, Details());
        var same = task.Edit(Csm1, Account, task.State.Details with { Title = "  Call Acme " }, Now);
        Assert.Same(task.State, same.Value);
        Assert.Empty(task.DomainEvents);

        var edited = task.Edit(Csm1, Account, task.State.Details with { Type = TaskType.Email, Associations = [Acme] }, Now);
        var set = task.Set(Csm1, Account, TaskPropertyUpdate.Priority(TaskPriority.Medium), Now);

        Assert.True(edited.IsSuccess && set.IsSuccess);
        Assert.Equal((TaskType.Email, TaskPriority.Medium, "Call Acme"), (task.State.Type, task.State.Priority, task.State.Title));
        Assert.Equal([Acme], task.State.Associations);
        Assert.All(task.DomainEvents, e => Assert.IsType<TaskEdited>(e));
        Assert.Equal(2, task.DomainEvents.Count);
        Assert.Equal(task.State.Details, ((TaskEdited)task.DomainEvents[^1]).Details);
    }

    [Fact]
    [Trait("Rule", "58")]
    public void Assign_RecordsThePreviousAndTheNewAssignee()
    {
        var task = Created(Csm1, Details(assignee: Csm1));

        Assert.True(task.Assign(Csm1, Account, Csm2.UserId, Now).IsSuccess);
        Assert.True(task.Assign(Csm1, Account, Csm2.UserId, Now).IsSuccess);

        var e = Assert.IsType<TaskAssigned>(Assert.Single(task.DomainEvents));
        Assert.Equal((Csm1.UserId, Csm2.UserId), (e.PreviousAssigneeId, e.AssigneeId));
        Assert.Equal(Csm2.UserId, task.State.AssigneeId);
    }

    [Fact]
    [Trait("Rule", "58")]
    public void Delete_MarksTheAggregateDeleted_RecordsTaskDeleted_ThenEverythingIsNotFound()
    {
        var task = Created(Csm1, Details());

        Assert.True(task.Delete(Csm1, Account, Now).IsSuccess);

        Assert.True(task.IsDeleted);
        var e = Assert.IsType<TaskDeleted>(Assert.Single(task.DomainEvents));
        Assert.Equal("Call Acme", e.Title);
        Assert.Equal(TaskErrors.NotFoundCode, task.Complete(Csm1, Account, Now).Error!.Code);
        Assert.Equal(TaskErrors.NotFoundCode, task.Delete(Csm1, Account, Now).Error!.Code);
    }

    [Fact]
    [Trait("Rule", "58")]
    public void Operations_OnAKeyWithoutTask_AreNotFound_AfterTheAccessCheck()
    {
        Assert.Equal(TaskErrors.NotFoundCode, NewTask().Complete(Csm1, Account, Now).Error!.Code);
        Assert.Equal(TaskErrors.NotFoundCode, NewTask().Edit(Csm1, Account, Details(), Now).Error!.Code);
        Assert.Equal(TaskErrors.NotFoundCode, NewTask().Set(Csm1, Account, TaskPropertyUpdate.Type(TaskType.ToDo), Now).Error!.Code);
        Assert.Equal(AccessErrors.SummaryOnlyCode, NewTask().Complete(SeatlessSuperAdmin, Account, Now).Error!.Code);
    }

    [Fact]
    [Trait("Rule", "58")]
    [Trait("Rule", "2")]
    public void WhoMayChangeWhichTask_OwnTasksForAnyWorkspaceUser_OthersOnlyWithManageSettings()
    {
        // Reading R58: own = assigned to or created by the user. Csm2's task, created by the manager for Csm2.
        var byManagerForCsm2 = Details(assignee: Csm2);

        Assert.Equal(AccessErrors.PermissionRequiredCode, Created(Manager, byManagerForCsm2).Complete(Csm1, Account, Now).Error!.Code);
        Assert.True(Created(Manager, byManagerForCsm2).Complete(Csm2, Account, Now).IsSuccess);        // assigned to Csm2
        Assert.True(Created(Manager, byManagerForCsm2).Delete(Manager, Account, Now).IsSuccess);        // created by the manager
        Assert.True(Created(Csm1, Details(assignee: Csm2)).Edit(Csm1, Account, Details("Other"), Now).IsSuccess); // created by Csm1
        Assert.True(Created(Csm2, Details(assignee: Csm2)).Assign(SuperAdmin, Account, Csm1.UserId, Now).IsSuccess);
        Assert.True(Created(Csm2, Details(assignee: Csm2)).Assign(Csm2, Account, Csm1.UserId, Now).IsSuccess); // hand one's own task on

        var refused = Created(Csm2, Details(assignee: Csm2));
        var before = refused.State;
        var denied = refused.Set(Csm1, Account, TaskPropertyUpdate.Title("Mine now"), Now);
        Assert.Equal(AccessErrors.PermissionRequiredCode, denied.Error!.Code);
        Assert.Same(before, refused.State);
        Assert.Empty(refused.DomainEvents);
    }

    [Fact]
    [Trait("Rule", "56")]
    [Trait("Rule", "3")]
    [Trait("Rule", "41")]
    public void Create_WithoutFullAccessOrAsViewedUser_IsRefused()
    {
        Assert.Equal(AccessErrors.SummaryOnlyCode, NewTask().Create(SeatlessSuperAdmin, Account, Details(), Now).Error!.Code);
        Assert.Equal(AccessErrors.ViewAsReadOnlyCode, NewTask().Create(Manager.ViewAs(Csm1), Account, Details(), Now).Error!.Code);
        Assert.Equal(AccessErrors.ViewAsReadOnlyCode, Created(Csm1, Details()).Complete(Manager.ViewAs(Csm1), Account, Now).Error!.Code);
    }

    [Fact]
    public void Details_EqualityIsStructural_AndDefaultAssociationsReadAsEmpty()
    {
        var a = Details() with { Associations = [Acme] };
        var b = Details() with { Associations = ImmutableArray.Create(Acme) };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Empty((Details() with { Associations = default }).Associations);
        Assert.NotEqual(a, Details() with { Associations = [Jane] });
    }
}
