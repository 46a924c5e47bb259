using System;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Validation;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Scores.Events;
using NodaTime;
using static CustomerSuccess.Core.Tests.Scores.HealthScoreTestData;

namespace CustomerSuccess.Core.Tests.Scores;

public class HealthScoreCatalogTests
{
    // ---- permissions (rules 3, 6, 12) ----

    [Fact]
    [Trait("Rule", "6")]
    public void CreateFromScratch_CsmWithoutManageSettings_RefusedPermissionRequired()
    {
        var catalog = NewCatalog();
        AssertRefused(catalog, c => c.CreateFromScratch(Csm, Enterprise, Companies, "Health", Now), AccessErrors.PermissionRequiredCode);
    }

    [Fact]
    [Trait("Rule", "6")]
    public void CreateFromScratch_ManagerWithoutServiceSeat_Refused()
    {
        var catalog = NewCatalog();
        AssertRefused(catalog, c => c.CreateFromScratch(SeatlessManager, Enterprise, Companies, "Health", Now), AccessErrors.NoWorkspaceAccessCode);
    }

    [Fact]
    [Trait("Rule", "6")]
    public void EveryEdit_ByCsm_RefusedPermissionRequired()
    {
        var catalog = NewCatalog();
        var draft = CreateComplete(catalog, Enterprise, "Draft");
        var active = CreateActive(catalog, Enterprise, "Active");
        var code = AccessErrors.PermissionRequiredCode;
        AssertRefused(catalog, c => c.CreateFromTemplate(Csm, Enterprise, Companies, "T", Now), code);
        AssertRefused(catalog, c => c.CreateFromDefinition(Csm, Enterprise, Companies, Complete(), Now), code);
        AssertRefused(catalog, c => c.UpdateDefinition(Csm, Enterprise, Companies, draft, SumNot100(), Now), code);
        AssertRefused(catalog, c => c.RenameGroup(Csm, Enterprise, draft, "NPS", "Net promoter", Now), code);
        AssertRefused(catalog, c => c.CloneGroup(Csm, Enterprise, draft, "NPS", "NPS 2", Now), code);
        AssertRefused(catalog, c => c.DeleteGroup(Csm, Enterprise, draft, "NPS", Now), code);
        AssertRefused(catalog, c => c.Activate(Csm, Enterprise, Companies, draft, Now), code);
        AssertRefused(catalog, c => c.Deactivate(Csm, Enterprise, active, Now), code);
        AssertRefused(catalog, c => c.Delete(Csm, Enterprise, draft, Now), code);
    }

    [Fact]
    [Trait("Rule", "6")]
    public void CreateAndActivate_ByManagerWithSeat_Succeed()
    {
        var catalog = NewCatalog();
        var id = catalog.CreateFromTemplate(Manager, Professional, Companies, "Health", Now).GetValueOrThrow().Id;
        var version = catalog.Activate(Manager, Professional, Companies, id, Now).GetValueOrThrow();
        Assert.Equal(1, version.Number);
    }

    [Fact]
    [Trait("Rule", "3")]
    public void EveryOperation_BySeatlessSuperAdmin_RefusedForTheMissingSeat()
    {
        var catalog = NewCatalog();
        var draft = CreateComplete(catalog, Enterprise, "Draft");
        var active = CreateActive(catalog, Enterprise, "Active");
        var code = AccessErrors.ServiceSeatRequiredCode;
        AssertRefused(catalog, c => c.CreateFromScratch(SeatlessSuperAdmin, Enterprise, Companies, "S", Now), code);
        AssertRefused(catalog, c => c.CreateFromTemplate(SeatlessSuperAdmin, Enterprise, Companies, "T", Now), code);
        AssertRefused(catalog, c => c.UpdateDefinition(SeatlessSuperAdmin, Enterprise, Companies, draft, SumNot100(), Now), code);
        AssertRefused(catalog, c => c.RenameGroup(SeatlessSuperAdmin, Enterprise, draft, "NPS", "Net promoter", Now), code);
        AssertRefused(catalog, c => c.Activate(SeatlessSuperAdmin, Enterprise, Companies, draft, Now), code);
        AssertRefused(catalog, c => c.Deactivate(SeatlessSuperAdmin, Enterprise, active, Now), code);
        AssertRefused(catalog, c => c.Delete(SeatlessSuperAdmin, Enterprise, draft, Now), code);
    }

    [Fact]
    [Trait("Rule", "3")]
    public void CreateFromScratch_SuperAdminWithSeat_Succeeds()
    {
        var catalog = NewCatalog();
        Assert.True(catalog.CreateFromScratch(SuperAdmin, Professional, Companies, "Health", Now).IsSuccess);
    }

    [Fact]
    [Trait("Rule", "12")]
    [Trait("Rule", "72")]
    public void Activate_SecondScoreOnProfessionalWithRaisedLimit_RefusedEnterpriseRequired()
    {
        var options = new HealthScoreCatalogOptions { Professional = new HealthScoreLimits(2, 5) };
        var catalog = NewCatalog(options);
        CreateActive(catalog, Professional, "First");
        var second = CreateComplete(catalog, Professional, "Second");
        AssertRefused(catalog, c => c.Activate(Manager, Professional, Companies, second, Now), AccessErrors.EnterpriseRequiredCode);
    }

    [Fact]
    [Trait("Rule", "12")]
    public void Activate_SecondScoreOnEnterprise_Succeeds()
    {
        var catalog = NewCatalog();
        CreateActive(catalog, Enterprise, "First");
        var second = CreateComplete(catalog, Enterprise, "Second");
        Assert.True(catalog.Activate(Manager, Enterprise, Companies, second, Now).IsSuccess);
        Assert.Equal(2, catalog.State.ActiveCount);
    }

    // ---- limits (rule 72, B2) ----

    [Fact]
    [Trait("Rule", "72")]
    public void Limits_Defaults_AreLatestPublishedValues()
    {
        var options = new HealthScoreCatalogOptions();
        Assert.Equal(new HealthScoreLimits(1, 5), options.LimitsFor(ServiceHubTier.Professional));
        Assert.Equal(new HealthScoreLimits(10, 20), options.LimitsFor(ServiceHubTier.Enterprise));
        Assert.Equal(new HealthScoreLimits(0, 0), options.LimitsFor(ServiceHubTier.Starter));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealthScoreLimits(-1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealthScoreLimits(1, -5));
    }

    [Theory]
    [InlineData(ServiceHubTier.Professional, 5)]
    [InlineData(ServiceHubTier.Enterprise, 20)]
    [Trait("Rule", "72")]
    public void Create_UpToDraftLimit_SucceedsThenRefusedDraftLimitReached(ServiceHubTier tier, int maxDrafts)
    {
        var account = new AccountContext(Portal, tier);
        var catalog = NewCatalog();
        for (var i = 0; i < maxDrafts; i++)
        {
            Assert.True(catalog.CreateFromScratch(Manager, account, Companies, $"Draft {i}", Now).IsSuccess);
        }

        Assert.Equal(maxDrafts, catalog.State.DraftCount);
        var error = AssertRefused(catalog, c => c.CreateFromTemplate(Manager, account, Companies, "One too many", Now), HealthScoreErrors.DraftLimitReachedCode);
        Assert.Contains(maxDrafts.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains(tier.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("One too many", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ServiceHubTier.Professional, 1)]
    [InlineData(ServiceHubTier.Enterprise, 10)]
    [Trait("Rule", "72")]
    public void Activate_UpToActiveLimit_SucceedsThenRefusedActiveLimitReached(ServiceHubTier tier, int maxActive)
    {
        var account = new AccountContext(Portal, tier);
        var catalog = NewCatalog();
        for (var i = 0; i < maxActive; i++)
        {
            CreateActive(catalog, account, $"Active {i}");
        }

        Assert.Equal(maxActive, catalog.State.ActiveCount);
        var next = CreateComplete(catalog, account, "Waiting");
        var error = AssertRefused(catalog, c => c.Activate(Manager, account, Companies, next, Now), HealthScoreErrors.ActiveLimitReachedCode);
        Assert.Contains("Waiting", error.Message, StringComparison.Ordinal);
        Assert.Contains(tier.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "72")]
    public void Limits_ActiveScoresDoNotCountAsDrafts_ProfessionalHoldsOneActivePlusFiveDrafts()
    {
        var catalog = NewCatalog();
        CreateActive(catalog, Professional, "Active");
        for (var i = 0; i < 5; i++)
        {
            CreateComplete(catalog, Professional, $"Draft {i}");
        }

        Assert.Equal((1, 5), (catalog.State.ActiveCount, catalog.State.DraftCount));
        AssertRefused(catalog, c => c.CreateFromScratch(Manager, Professional, Companies, "Seventh", Now), HealthScoreErrors.DraftLimitReachedCode);
    }

    [Fact]
    [Trait("Rule", "72")]
    public void Deactivate_WhenDraftsAreFull_RefusedDraftLimitReached_AfterDeletingADraftSucceeds()
    {
        var catalog = NewCatalog();
        var active = CreateActive(catalog, Professional, "Active");
        var drafts = Enumerable.Range(0, 5).Select(i => CreateComplete(catalog, Professional, $"Draft {i}")).ToList();
        AssertRefused(catalog, c => c.Deactivate(Manager, Professional, active, Now), HealthScoreErrors.DraftLimitReachedCode);

        catalog.Delete(Manager, Professional, drafts[0], Now).ThrowIfFailure();
        Assert.True(catalog.Deactivate(Manager, Professional, active, Now).IsSuccess);
        Assert.Equal((0, 5), (catalog.State.ActiveCount, catalog.State.DraftCount));
        Assert.Equal(HealthScoreStatus.Inactive, catalog.State.Find(active)!.Status);
    }

    [Fact]
    [Trait("Rule", "72")]
    public void Limits_AreConfigurablePerTier()
    {
        var options = new HealthScoreCatalogOptions { Enterprise = new HealthScoreLimits(MaxActive: 2, MaxDrafts: 3) };
        var catalog = NewCatalog(options);
        CreateActive(catalog, Enterprise, "A");
        CreateActive(catalog, Enterprise, "B");
        var third = CreateComplete(catalog, Enterprise, "C");
        AssertRefused(catalog, c => c.Activate(Manager, Enterprise, Companies, third, Now), HealthScoreErrors.ActiveLimitReachedCode);
        CreateComplete(catalog, Enterprise, "D");
        CreateComplete(catalog, Enterprise, "E");
        AssertRefused(catalog, c => c.CreateFromScratch(Manager, Enterprise, Companies, "F", Now), HealthScoreErrors.DraftLimitReachedCode);
        Assert.Equal(new HealthScoreLimits(2, 3), catalog.LimitsFor(ServiceHubTier.Enterprise));
    }

    [Fact]
    [Trait("Rule", "72")]
    public void Activate_ActiveScoreWithPendingEdits_AtActiveLimit_Succeeds()
    {
        var catalog = NewCatalog();
        var id = CreateActive(catalog, Professional);
        catalog.UpdateDefinition(Manager, Professional, Companies, id, Complete("Renamed"), Now).ThrowIfFailure();
        var version = catalog.Activate(Manager, Professional, Companies, id, Now).GetValueOrThrow();
        Assert.Equal(2, version.Number);
        Assert.Equal(1, catalog.State.ActiveCount);
    }

    // ---- scored object (rule 73, B5) and segments (rule 74) ----

    [Fact]
    [Trait("Rule", "73")]
    public void CreateFromDefinition_OtherObjectThanCustomerObject_RefusedWrongObjectType()
    {
        var catalog = NewCatalog();
        var error = AssertRefused(
            catalog,
            c => c.CreateFromDefinition(Manager, Enterprise, Contacts, Complete("Company score"), Now),
            HealthScoreErrors.WrongObjectTypeCode);
        Assert.Contains("companies", error.Message, StringComparison.Ordinal);
        Assert.Contains("contacts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "73")]
    public void TemplateAndScratch_ScoreTheGivenCustomerObject()
    {
        var catalog = NewCatalog();
        var fromTemplate = catalog.CreateFromTemplate(Manager, Enterprise, Contacts, "T", Now).GetValueOrThrow().Id;
        var fromScratch = catalog.CreateFromScratch(Manager, Enterprise, CrmObjectType.Custom("p_subscriptions"), "S", Now).GetValueOrThrow().Id;
        Assert.Equal(ContactsName, catalog.State.Find(fromTemplate)!.Definition.ObjectType);
        Assert.Equal("p_subscriptions", catalog.State.Find(fromScratch)!.Definition.ObjectType);
    }

    [Fact]
    [Trait("Rule", "73")]
    public void UpdateDefinition_OtherObject_RefusedWrongObjectType()
    {
        var catalog = NewCatalog();
        var id = CreateComplete(catalog, Enterprise);
        AssertRefused(catalog, c => c.UpdateDefinition(Manager, Enterprise, Companies, id, Complete() with { ObjectType = ContactsName }, Now), HealthScoreErrors.WrongObjectTypeCode);
        AssertRefused(catalog, c => c.UpdateDefinition(Manager, Enterprise, Companies, id, Complete() with { ObjectType = "Companies" }, Now), HealthScoreErrors.WrongObjectTypeCode);
    }

    [Fact]
    [Trait("Rule", "73")]
    public void Activate_AfterCustomerObjectChanged_RefusedWrongObjectType()
    {
        var catalog = NewCatalog();
        var id = CreateComplete(catalog, Enterprise);
        AssertRefused(catalog, c => c.Activate(Manager, Enterprise, Contacts, id, Now), HealthScoreErrors.WrongObjectTypeCode);
    }

    [Fact]
    [Trait("Rule", "74")]
    public void UpdateDefinition_SixSegments_RefusedInvalidWithTooManySegments_FiveSegmentsAccepted()
    {
        var catalog = NewCatalog();
        var id = CreateComplete(catalog, Enterprise);
        var error = AssertRefused(catalog, c => c.UpdateDefinition(Manager, Enterprise, Companies, id, WithSegments(6), Now), HealthScoreErrors.InvalidCode);
        var detail = Assert.Single(error.Details);
        Assert.Equal(ValidationCodes.TooManySegments, detail.Code);
        Assert.Equal("segments", detail.Target);

        Assert.True(catalog.UpdateDefinition(Manager, Enterprise, Companies, id, WithSegments(5), Now).IsSuccess);
        Assert.True(catalog.Activate(Manager, Enterprise, Companies, id, Now).IsSuccess);
        Assert.Equal(5, catalog.State.Find(id)!.ActiveVersion!.Definition.Segments.Length);
    }

    [Fact]
    [Trait("Rule", "74")]
    public void CreateFromDefinition_SixSegments_RefusedInvalid()
    {
        var catalog = NewCatalog();
        AssertRefused(catalog, c => c.CreateFromDefinition(Manager, Enterprise, Companies, WithSegments(6), Now), HealthScoreErrors.InvalidCode);
    }

    // ---- starting a score (rules 75, 76) ----

    [Fact]
    [Trait("Rule", "75")]
    public void CreateFromTemplateOrScratch_StartsADraftWithoutVersions()
    {
        var catalog = NewCatalog();
        var template = catalog.CreateFromTemplate(Manager, Enterprise, Companies, "From template", Now).GetValueOrThrow().Id;
        var scratch = catalog.CreateFromScratch(Manager, Enterprise, Companies, "From scratch", Now).GetValueOrThrow().Id;

        var t = catalog.State.Find(template)!;
        var s = catalog.State.Find(scratch)!;
        Assert.Equal((HealthScoreStatus.Draft, 0, 5), (t.Status, t.Versions.Length, t.Definition.Groups.Length));
        Assert.Equal((HealthScoreStatus.Draft, 0, 0), (s.Status, s.Versions.Length, s.Definition.Groups.Length));
        Assert.Equal("From template", t.Name);
        Assert.Equal(
            [new HealthScoreCreated(Portal, template, "From template", HealthScoreOrigin.Template, Initiator.User(Manager.UserId), Now),
             new HealthScoreCreated(Portal, scratch, "From scratch", HealthScoreOrigin.Scratch, Initiator.User(Manager.UserId), Now)],
            catalog.DomainEvents.Cast<HealthScoreCreated>());
    }

    [Fact]
    [Trait("Rule", "76")]
    public void CreateFromTemplate_OffersTheFivePreDefinedGroups_AndCanBeTurnedOnAsIs()
    {
        var catalog = NewCatalog();
        var id = catalog.CreateFromTemplate(Manager, Enterprise, Companies, "Health", Now).GetValueOrThrow().Id;
        Assert.Equal(
            ["1:1 Engagement", "1:1 Call Engagement", "Supported Tickets", "CSM Sentiment", "NPS"],
            GroupNames(catalog.State.Find(id)!.Definition));
        Assert.True(catalog.Activate(Manager, Enterprise, Companies, id, Now).IsSuccess);
    }

    // ---- Max points (rule 78, B18) ----

    [Fact]
    [Trait("Rule", "78")]
    public void MaxPointsSumNot100_SavedAsDraft_ButActivationRefusedInvalid()
    {
        var catalog = NewCatalog();
        var id = catalog.CreateFromDefinition(Manager, Enterprise, Companies, SumNot100("Unbalanced"), Now).GetValueOrThrow().Id;
        Assert.Equal(HealthScoreStatus.Draft, catalog.State.Find(id)!.Status);

        var error = AssertRefused(catalog, c => c.Activate(Manager, Enterprise, Companies, id, Now), HealthScoreErrors.InvalidCode);
        var detail = Assert.Single(error.Details);
        Assert.Equal(ValidationCodes.MaxPointsSum, detail.Code);
        Assert.Equal("groups", detail.Target);
        Assert.Contains("Unbalanced", error.Message, StringComparison.Ordinal);
        Assert.Equal(id.ToString(), error.Target);

        catalog.UpdateDefinition(Manager, Enterprise, Companies, id, Complete("Balanced"), Now).ThrowIfFailure();
        Assert.True(catalog.Activate(Manager, Enterprise, Companies, id, Now).IsSuccess);
    }

    [Fact]
    [Trait("Rule", "83")]
    public void Activate_IncompleteDraft_ListsEveryProblemInDetails()
    {
        var catalog = NewCatalog();
        var id = catalog.CreateFromScratch(Manager, Enterprise, Companies, "", Now).GetValueOrThrow().Id;
        var error = AssertRefused(catalog, c => c.Activate(Manager, Enterprise, Companies, id, Now), HealthScoreErrors.InvalidCode);
        var expected = HealthScoreValidator.Validate(catalog.State.Find(id)!.Definition, ValidationMode.Activation).Errors.ToList();
        Assert.Equal(expected.Count, error.Details.Count);
        Assert.Equal(expected.Select(p => (p.Code, p.Message, (string?)p.Path)), error.Details.Select(d => (d.Code, d.Message, d.Target)));
        Assert.Contains(error.Details, d => d.Code == ValidationCodes.NameRequired);
        Assert.Contains(error.Details, d => d.Code == ValidationCodes.NoGroups);
    }

    // ---- groups (rule 82) ----

    [Fact]
    [Trait("Rule", "82")]
    public void RenameCloneDeleteGroup_EditTheWorkingDefinition_AndRecordEvents()
    {
        var catalog = NewCatalog();
        var id = catalog.CreateFromTemplate(Manager, Enterprise, Companies, "Health", Now).GetValueOrThrow().Id;
        catalog.ClearDomainEvents();

        Assert.True(catalog.RenameGroup(Manager, Enterprise, id, "NPS", "  Net promoter score ", Now).IsSuccess);
        Assert.True(catalog.CloneGroup(Manager, Enterprise, id, "CSM Sentiment", "CSM Sentiment (copy)", Now).IsSuccess);
        Assert.True(catalog.DeleteGroup(Manager, Enterprise, id, "1:1 Call Engagement", Now).IsSuccess);

        var definition = catalog.State.Find(id)!.Definition;
        Assert.Equal(["1:1 Engagement", "Supported Tickets", "CSM Sentiment", "CSM Sentiment (copy)", "Net promoter score"], GroupNames(definition));
        Assert.Equal(definition.Groups[2] with { Name = "CSM Sentiment (copy)" }, definition.Groups[3]);
        Assert.Equal<IDomainEvent>(
            [new HealthScoreGroupRenamed(Portal, id, "NPS", "Net promoter score", Initiator.User(Manager.UserId), Now),
             new HealthScoreGroupCloned(Portal, id, "CSM Sentiment", "CSM Sentiment (copy)", Initiator.User(Manager.UserId), Now),
             new HealthScoreGroupDeleted(Portal, id, "1:1 Call Engagement", Initiator.User(Manager.UserId), Now)],
            catalog.DomainEvents);
    }

    [Fact]
    [Trait("Rule", "82")]
    public void GroupOperations_Refusals_LeaveStateUnchanged()
    {
        var catalog = NewCatalog();
        var id = catalog.CreateFromTemplate(Manager, Enterprise, Companies, "Health", Now).GetValueOrThrow().Id;
        AssertRefused(catalog, c => c.RenameGroup(Manager, Enterprise, id, "Missing", "X", Now), HealthScoreErrors.GroupNotFoundCode);
        AssertRefused(catalog, c => c.RenameGroup(Manager, Enterprise, id, "NPS", "CSM Sentiment", Now), HealthScoreErrors.GroupNameTakenCode);
        AssertRefused(catalog, c => c.RenameGroup(Manager, Enterprise, id, "NPS", "   ", Now), HealthScoreErrors.GroupNameRequiredCode);
        AssertRefused(catalog, c => c.RenameGroup(Manager, Enterprise, id, "nps", "X", Now), HealthScoreErrors.GroupNotFoundCode);
        AssertRefused(catalog, c => c.CloneGroup(Manager, Enterprise, id, "NPS", "NPS", Now), HealthScoreErrors.GroupNameTakenCode);
        AssertRefused(catalog, c => c.CloneGroup(Manager, Enterprise, id, "Missing", "Copy", Now), HealthScoreErrors.GroupNotFoundCode);
        AssertRefused(catalog, c => c.CloneGroup(Manager, Enterprise, id, "NPS", "", Now), HealthScoreErrors.GroupNameRequiredCode);
        AssertRefused(catalog, c => c.DeleteGroup(Manager, Enterprise, id, "Missing", Now), HealthScoreErrors.GroupNotFoundCode);
        AssertRefused(catalog, c => c.DeleteGroup(Manager, Enterprise, HealthScoreId.From(99), "NPS", Now), HealthScoreErrors.NotFoundCode);
    }

    [Fact]
    [Trait("Rule", "82")]
    public void RenameGroup_ToSameName_SucceedsWithoutEvent()
    {
        var catalog = NewCatalog();
        var id = catalog.CreateFromTemplate(Manager, Enterprise, Companies, "Health", Now).GetValueOrThrow().Id;
        var before = catalog.State;
        catalog.ClearDomainEvents();
        Assert.True(catalog.RenameGroup(Manager, Enterprise, id, "NPS", "NPS", Now).IsSuccess);
        Assert.Same(before, catalog.State);
        Assert.Empty(catalog.DomainEvents);
    }

    [Fact]
    [Trait("Rule", "82")]
    [Trait("Rule", "78")]
    public void CloneGroup_OfActiveScore_KeepsActiveVersion_AndBlocksReactivationUntilRebalanced()
    {
        var catalog = NewCatalog();
        var id = CreateActive(catalog, Enterprise);
        var active = catalog.State.Find(id)!.ActiveVersion!;
        catalog.CloneGroup(Manager, Enterprise, id, "NPS", "NPS 2", Now).ThrowIfFailure();

        var score = catalog.State.Find(id)!;
        Assert.Same(active, score.ActiveVersion);
        Assert.True(score.HasPendingChanges);
        var error = AssertRefused(catalog, c => c.Activate(Manager, Enterprise, Companies, id, Now), HealthScoreErrors.InvalidCode);
        Assert.Contains(error.Details, d => d.Code == ValidationCodes.MaxPointsSum);
    }

    // ---- lifecycle and versions (rule 83) ----

    [Fact]
    [Trait("Rule", "83")]
    public void Activate_CreatesVersionOne_ActivatedNow_AndEventNamesTheVersion()
    {
        var catalog = NewCatalog();
        var id = CreateComplete(catalog, Enterprise);
        catalog.ClearDomainEvents();
        var at = Now.Plus(Duration.FromHours(3));

        var version = catalog.Activate(Manager, Enterprise, Companies, id, at).GetValueOrThrow();

        Assert.Equal(new ScoreVersion(id, 1, at, Complete()), version);
        var score = catalog.State.Find(id)!;
        Assert.Equal(HealthScoreStatus.Active, score.Status);
        Assert.Equal(1, score.ActiveVersionNumber);
        Assert.False(score.HasPendingChanges);
        Assert.Equal([new HealthScoreActivated(Portal, id, 1, Initiator.User(Manager.UserId), at)], catalog.DomainEvents);
        Assert.Equal([version], catalog.State.ActiveVersions);
    }

    [Fact]
    [Trait("Rule", "83")]
    public void EditingActiveScore_KeepsEditsAsDraft_UntilTurnedOnAgain()
    {
        var catalog = NewCatalog();
        var id = CreateActive(catalog, Enterprise, "Original");
        var v1 = catalog.State.Find(id)!.ActiveVersion!;

        catalog.UpdateDefinition(Manager, Enterprise, Companies, id, SumNot100("Edited"), Now).ThrowIfFailure();

        var score = catalog.State.Find(id)!;
        Assert.Equal(HealthScoreStatus.Active, score.Status);
        Assert.Same(v1, score.ActiveVersion);
        Assert.Equal("Original", score.ActiveVersion!.Definition.Name);
        Assert.Equal("Edited", score.Definition.Name);
        Assert.True(score.HasPendingChanges);
        Assert.False(score.IsDraft);
        Assert.Equal(1, catalog.State.ActiveCount);

        // Turning it on validates the kept edits completely.
        AssertRefused(catalog, c => c.Activate(Manager, Enterprise, Companies, id, Now), HealthScoreErrors.InvalidCode);
        Assert.Same(v1, catalog.State.Find(id)!.ActiveVersion);
    }

    [Fact]
    [Trait("Rule", "83")]
    public void Versions_AreNumberedPerScore_Immutable_AndRetrievable()
    {
        var catalog = NewCatalog();
        var a = CreateComplete(catalog, Enterprise, "A");
        var b = CreateComplete(catalog, Enterprise, "B");
        var t1 = Now;
        var t2 = Now.Plus(Duration.FromDays(1));
        var t3 = Now.Plus(Duration.FromDays(2));
        var t4 = Now.Plus(Duration.FromDays(3));

        var a1 = catalog.Activate(Manager, Enterprise, Companies, a, t1).GetValueOrThrow();
        var b1 = catalog.Activate(Manager, Enterprise, Companies, b, t1).GetValueOrThrow();
        catalog.UpdateDefinition(Manager, Enterprise, Companies, a, Complete("A, second"), t2).ThrowIfFailure();
        var a2 = catalog.Activate(Manager, Enterprise, Companies, a, t2).GetValueOrThrow();
        catalog.Deactivate(Manager, Enterprise, a, t3).ThrowIfFailure();
        var a3 = catalog.Activate(Manager, Enterprise, Companies, a, t4).GetValueOrThrow();

        Assert.Equal((1, 1, 2, 3), (a1.Number, b1.Number, a2.Number, a3.Number));
        Assert.Equal([t1, t2, t4], catalog.State.Find(a)!.Versions.Select(v => v.ActivatedAt));
        Assert.Same(a1, catalog.GetVersion(a, 1).GetValueOrThrow());
        Assert.Equal(new ScoreVersion(a, 1, t1, Complete("A")), catalog.GetVersion(a, 1).GetValueOrThrow());
        Assert.Equal("A, second", catalog.GetVersion(a, 2).GetValueOrThrow().Definition.Name);
        Assert.Equal(3, catalog.State.Find(a)!.ActiveVersionNumber);
        Assert.Equal(HealthScoreErrors.VersionNotFoundCode, catalog.GetVersion(a, 4).Error!.Code);
        Assert.Equal(HealthScoreErrors.VersionNotFoundCode, catalog.GetVersion(a, 0).Error!.Code);
        Assert.Equal(HealthScoreErrors.NotFoundCode, catalog.GetVersion(HealthScoreId.From(77), 1).Error!.Code);
    }

    [Fact]
    [Trait("Rule", "83")]
    public void Activate_ActiveScoreWithoutEdits_SucceedsWithoutNewVersionOrEvent()
    {
        var catalog = NewCatalog();
        var id = CreateActive(catalog, Enterprise);
        var before = catalog.State;
        catalog.ClearDomainEvents();

        var version = catalog.Activate(Manager, Enterprise, Companies, id, Now.Plus(Duration.FromDays(1))).GetValueOrThrow();

        Assert.Equal(1, version.Number);
        Assert.Same(before, catalog.State);
        Assert.Empty(catalog.DomainEvents);
    }

    [Fact]
    [Trait("Rule", "83")]
    public void Deactivate_KeepsVersions_AndRecordsEventWithLastVersion()
    {
        var catalog = NewCatalog();
        var id = CreateActive(catalog, Enterprise);
        catalog.ClearDomainEvents();
        catalog.Deactivate(Manager, Enterprise, id, Now).ThrowIfFailure();

        var score = catalog.State.Find(id)!;
        Assert.Equal(HealthScoreStatus.Inactive, score.Status);
        Assert.Null(score.ActiveVersion);
        Assert.Single(score.Versions);
        Assert.True(score.IsDraft);
        Assert.Empty(catalog.State.ActiveVersions);
        Assert.Equal([new HealthScoreDeactivated(Portal, id, 1, Initiator.User(Manager.UserId), Now)], catalog.DomainEvents);
        AssertRefused(catalog, c => c.Deactivate(Manager, Enterprise, id, Now), HealthScoreErrors.NotActiveCode);
    }

    [Fact]
    [Trait("Rule", "83")]
    public void UpdateDefinition_Unchanged_SucceedsWithoutEvent_ChangedRecordsEvent()
    {
        var catalog = NewCatalog();
        var id = CreateComplete(catalog, Enterprise);
        var before = catalog.State;
        catalog.ClearDomainEvents();

        Assert.True(catalog.UpdateDefinition(Manager, Enterprise, Companies, id, Complete(), Now).IsSuccess);
        Assert.Same(before, catalog.State);
        Assert.Empty(catalog.DomainEvents);

        Assert.True(catalog.UpdateDefinition(Manager, Enterprise, Companies, id, SumNot100("Draft"), Now).IsSuccess);
        Assert.Equal([new HealthScoreDefinitionChanged(Portal, id, "Draft", Initiator.User(Manager.UserId), Now)], catalog.DomainEvents);
    }

    // ---- delete, ids, not found ----

    [Fact]
    public void Delete_ActiveScore_Refused_InactiveDeleted_IdNeverReused()
    {
        var catalog = NewCatalog();
        var id = CreateActive(catalog, Enterprise);
        AssertRefused(catalog, c => c.Delete(Manager, Enterprise, id, Now), HealthScoreErrors.ActiveCannotBeDeletedCode);

        catalog.Deactivate(Manager, Enterprise, id, Now).ThrowIfFailure();
        catalog.ClearDomainEvents();
        Assert.True(catalog.Delete(Manager, Enterprise, id, Now).IsSuccess);
        Assert.Null(catalog.State.Find(id));
        Assert.Equal([new HealthScoreDeleted(Portal, id, "Customer health", Initiator.User(Manager.UserId), Now)], catalog.DomainEvents);

        var next = CreateComplete(catalog, Enterprise);
        Assert.Equal(id.Value + 1, next.Value);
        Assert.Equal(HealthScoreErrors.NotFoundCode, catalog.GetVersion(id, 1).Error!.Code);
    }

    [Fact]
    public void Operations_OnUnknownScore_RefusedNotFound()
    {
        var catalog = NewCatalog();
        CreateComplete(catalog, Enterprise);
        var missing = HealthScoreId.From(5);
        AssertRefused(catalog, c => c.UpdateDefinition(Manager, Enterprise, Companies, missing, Complete(), Now), HealthScoreErrors.NotFoundCode);
        AssertRefused(catalog, c => c.Activate(Manager, Enterprise, Companies, missing, Now), HealthScoreErrors.NotFoundCode);
        AssertRefused(catalog, c => c.Deactivate(Manager, Enterprise, missing, Now), HealthScoreErrors.NotFoundCode);
        AssertRefused(catalog, c => c.Delete(Manager, Enterprise, missing, Now), HealthScoreErrors.NotFoundCode);
    }

    // ---- argument mistakes and corrupt state ----

    [Fact]
    public void ArgumentMistakes_Throw()
    {
        var catalog = NewCatalog();
        var otherPortal = new AccountContext(PortalId.From(7), ServiceHubTier.Enterprise);
        Assert.Throws<ArgumentException>(() => catalog.CreateFromScratch(Manager, otherPortal, Companies, "X", Now));
        Assert.Throws<ArgumentNullException>(() => catalog.CreateFromScratch(null!, Enterprise, Companies, "X", Now));
        Assert.Throws<ArgumentNullException>(() => catalog.CreateFromScratch(Manager, Enterprise, Companies, null!, Now));
        Assert.Throws<ArgumentException>(() => catalog.CreateFromScratch(Manager, Enterprise, default, "X", Now));
        Assert.Throws<ArgumentNullException>(() => catalog.CreateFromDefinition(Manager, Enterprise, Companies, null!, Now));
        Assert.Throws<ArgumentException>(() => HealthScoreCatalog.CreateInitialState(default));
        Assert.Empty(catalog.State.Scores);
    }

    [Fact]
    public void Constructor_CorruptState_Throws()
    {
        var id = HealthScoreId.From(1);
        var draft = new HealthScoreEntry(id, HealthScoreStatus.Draft, Complete(), []);
        var activeWithoutVersion = draft with { Status = HealthScoreStatus.Active };
        var gap = draft with { Versions = [new ScoreVersion(id, 2, Now, Complete())] };
        var foreign = draft with { Versions = [new ScoreVersion(HealthScoreId.From(9), 1, Now, Complete())] };

        Assert.Throws<ArgumentException>(() => new HealthScoreCatalog(new HealthScoreCatalogState(Portal, [draft], 0), AccessPolicy.Default));
        Assert.Throws<ArgumentException>(() => new HealthScoreCatalog(new HealthScoreCatalogState(Portal, [draft, draft], 2), AccessPolicy.Default));
        Assert.Throws<ArgumentException>(() => new HealthScoreCatalog(new HealthScoreCatalogState(Portal, [activeWithoutVersion], 1), AccessPolicy.Default));
        Assert.Throws<ArgumentException>(() => new HealthScoreCatalog(new HealthScoreCatalogState(Portal, [gap], 1), AccessPolicy.Default));
        Assert.Throws<ArgumentException>(() => new HealthScoreCatalog(new HealthScoreCatalogState(Portal, [foreign], 1), AccessPolicy.Default));
        Assert.NotNull(new HealthScoreCatalog(new HealthScoreCatalogState(Portal, [draft], 3), AccessPolicy.Default));
    }

    [Fact]
    public void State_Equality_IsStructural()
    {
        var a = NewCatalog();
        var b = NewCatalog();
        CreateActive(a, Enterprise);
        CreateActive(b, Enterprise);
        Assert.NotSame(a.State, b.State);
        Assert.Equal(a.State, b.State);
        Assert.Equal(a.State.GetHashCode(), b.State.GetHashCode());
        b.UpdateDefinition(Manager, Enterprise, Companies, HealthScoreId.From(1), Complete("Other"), Now).ThrowIfFailure();
        Assert.NotEqual(a.State, b.State);
    }
}
