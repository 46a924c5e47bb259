using System;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Workspaces;
using CustomerSuccess.Core.Workspaces.Events;
using static CustomerSuccess.Core.Tests.Workspaces.WorkspaceTestData;

namespace CustomerSuccess.Core.Tests.Workspaces;

public class WorkspaceSettingsTests
{
    [Fact]
    [Trait("Rule", "4")]
    public void SettingsOperations_CsmWithoutSettingsPermission_AreRefused()
    {
        var directory = NewDirectory();

        AssertRefused(directory, d => d.ConfigureCustomers(Csm, Enterprise, PrimaryId, "company_csm", null, Schema, Now), AccessErrors.PermissionRequiredCode);
        AssertRefused(directory, d => d.SetServicesTabShown(Csm, Enterprise, PrimaryId, false, Now), AccessErrors.PermissionRequiredCode);
        AssertRefused(directory, d => d.ChooseRevenueObjects(Csm, Enterprise, [CrmObjectType.Deals], null, Schema, Now), AccessErrors.PermissionRequiredCode);
    }

    [Fact]
    [Trait("Rule", "4")]
    public void SettingsOperations_SeatlessSuperAdmin_AreRefusedPerB3()
    {
        var directory = NewDirectory();

        AssertRefused(directory, d => d.ConfigureCustomers(SeatlessSuperAdmin, Enterprise, PrimaryId, "company_csm", null, Schema, Now), AccessErrors.ServiceSeatRequiredCode);
        AssertRefused(directory, d => d.ChooseCustomerObject(SeatlessSuperAdmin, Enterprise, CrmObjectType.Contacts, Schema, Now), AccessErrors.ServiceSeatRequiredCode);
    }

    [Fact]
    [Trait("Rule", "4")]
    public void SettingsOperations_SeatlessSuperAdmin_AllowedWhenPolicyIsFlipped()
    {
        var policy = new AccessPolicy(new AccessPolicyOptions { SeatlessSuperAdminCanManageSettings = true });
        var directory = WorkspaceDirectory.CreateNew(Portal, policy);

        Assert.True(directory.ConfigureCustomers(SeatlessSuperAdmin, Enterprise, PrimaryId, "company_csm", null, Schema, Now).IsSuccess);
    }

    [Theory]
    [Trait("Rule", "14")]
    [InlineData("contacts")]
    [InlineData("companies")]
    [InlineData("custom")]
    public void ChooseCustomerObject_ContactsCompaniesOrCustomOnEnterprise_IsAccepted(string kind)
    {
        var directory = NewDirectory();
        var target = kind switch { "contacts" => CrmObjectType.Contacts, "companies" => CrmObjectType.Contacts, _ => Subscriptions };
        if (kind == "companies")
        {
            directory.ChooseCustomerObject(Manager, Enterprise, CrmObjectType.Contacts, Schema, Now).ThrowIfFailure();
            target = CrmObjectType.Companies;
        }

        var result = directory.ChooseCustomerObject(Manager, Enterprise, target, Schema, Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(target, directory.State.Objects.CustomerObject);
        Assert.IsType<CsObjectsChanged>(directory.DomainEvents[^1]);
    }

    [Fact]
    [Trait("Rule", "14")]
    public void ChooseCustomerObject_DealsOrServices_IsNotAllowed()
    {
        var directory = NewDirectory();

        AssertRefused(directory, d => d.ChooseCustomerObject(Manager, Enterprise, CrmObjectType.Deals, Schema, Now), WorkspaceErrors.ObjectNotAllowedCode);
        AssertRefused(directory, d => d.ChooseCustomerObject(Manager, Enterprise, CrmObjectType.Services, Schema, Now), WorkspaceErrors.ObjectNotAllowedCode);
    }

    [Fact]
    [Trait("Rule", "14")]
    [Trait("Rule", "12")]
    public void ChooseCustomerObject_CustomOnProfessional_NeedsEnterprise()
    {
        var directory = NewDirectory();

        AssertRefused(directory, d => d.ChooseCustomerObject(Manager, Professional, Subscriptions, Schema, Now), AccessErrors.EnterpriseRequiredCode);
        Assert.True(directory.ChooseCustomerObject(Manager, Professional, CrmObjectType.Contacts, Schema, Now).IsSuccess);
    }

    [Fact]
    [Trait("Rule", "14")]
    public void ChooseCustomerObject_CustomObjectNotInAccount_IsNotFound()
    {
        var directory = NewDirectory();

        AssertRefused(directory, d => d.ChooseCustomerObject(Manager, Enterprise, CrmObjectType.Custom("p_missing"), Schema, Now), WorkspaceErrors.ObjectNotFoundCode);
    }

    [Fact]
    [Trait("Rule", "14")]
    public void ChooseCustomerObject_SameObject_SucceedsWithoutEvent()
    {
        var directory = NewDirectory();
        var before = directory.State;

        Assert.True(directory.ChooseCustomerObject(Manager, Enterprise, CrmObjectType.Companies, Schema, Now).IsSuccess);
        Assert.Same(before, directory.State);
        Assert.Empty(directory.DomainEvents);
    }

    [Fact]
    [Trait("Rule", "15")]
    public void ConfigureCustomers_WithoutCsmOwnerProperty_IsRefusedAndNewWorkspaceIsIncomplete()
    {
        var directory = NewDirectory();
        Assert.False(directory.State.Primary.Settings.Customers.IsComplete);

        AssertRefused(directory, d => d.ConfigureCustomers(Manager, Enterprise, PrimaryId, null, "company_renewal", Schema, Now), WorkspaceErrors.CsmOwnerPropertyRequiredCode);
        AssertRefused(directory, d => d.ConfigureCustomers(Manager, Enterprise, PrimaryId, "  ", null, Schema, Now), WorkspaceErrors.CsmOwnerPropertyRequiredCode);
    }

    [Fact]
    [Trait("Rule", "15")]
    public void ConfigureCustomers_UserPropertyOfCustomerObject_CompletesTheSetup()
    {
        var directory = NewDirectory();

        var result = directory.ConfigureCustomers(Manager, Enterprise, PrimaryId, "company_csm", null, Schema, Now);

        Assert.True(result.IsSuccess);
        var customers = directory.State.Primary.Settings.Customers;
        Assert.Equal("company_csm", customers.CsmOwnerProperty);
        Assert.True(customers.IsComplete);
        var changed = Assert.IsType<WorkspaceSettingsChanged>(Assert.Single(directory.DomainEvents));
        Assert.Equal(WorkspaceSettingsSection.Customers, changed.Section);
    }

    [Fact]
    [Trait("Rule", "15")]
    [Trait("Rule", "24")]
    public void ConfigureCustomers_OfferedPropertiesDependOnCustomerObject()
    {
        var directory = NewDirectory();
        directory.ConfigureCustomers(Manager, Enterprise, PrimaryId, "company_csm", "company_renewal", Schema, Now).ThrowIfFailure();

        directory.ChooseCustomerObject(Manager, Enterprise, CrmObjectType.Contacts, Schema, Now).ThrowIfFailure();

        Assert.Equal(CustomerSettings.Default, directory.State.Primary.Settings.Customers);
        AssertRefused(directory, d => d.ConfigureCustomers(Manager, Enterprise, PrimaryId, "company_csm", null, Schema, Now), WorkspaceErrors.PropertyWrongObjectCode);
        Assert.True(directory.ConfigureCustomers(Manager, Enterprise, PrimaryId, "contact_csm", "contact_renewal", Schema, Now).IsSuccess);
    }

    [Fact]
    [Trait("Rule", "16")]
    public void ConfigureCustomers_RenewalDateIsOptional()
    {
        var directory = NewDirectory();

        Assert.True(directory.ConfigureCustomers(Manager, Enterprise, PrimaryId, "company_csm", null, Schema, Now).IsSuccess);
        Assert.Null(directory.State.Primary.Settings.Customers.RenewalDateProperty);
        Assert.True(directory.ConfigureCustomers(Manager, Enterprise, PrimaryId, "company_csm", "company_renewal", Schema, Now).IsSuccess);
        Assert.Equal("company_renewal", directory.State.Primary.Settings.Customers.RenewalDateProperty);
    }

    [Theory]
    [Trait("Rule", "16")]
    [Trait("Rule", "24")]
    [InlineData("company_renewal_at", WorkspaceErrors.PropertyWrongTypeCode)]
    [InlineData("name", WorkspaceErrors.PropertyWrongTypeCode)]
    [InlineData("company_csm", WorkspaceErrors.PropertyWrongTypeCode)]
    [InlineData("contact_renewal", WorkspaceErrors.PropertyWrongObjectCode)]
    [InlineData("nope", WorkspaceErrors.PropertyNotFoundCode)]
    public void ConfigureCustomers_RenewalNotADatePropertyOfCustomerObject_IsRefused(string renewal, string code)
    {
        var directory = NewDirectory();

        AssertRefused(directory, d => d.ConfigureCustomers(Manager, Enterprise, PrimaryId, "company_csm", renewal, Schema, Now), code);
    }

    [Theory]
    [Trait("Rule", "24")]
    [InlineData("company_renewal", WorkspaceErrors.PropertyWrongTypeCode)]
    [InlineData("deal_csm", WorkspaceErrors.PropertyWrongObjectCode)]
    [InlineData("nope", WorkspaceErrors.PropertyNotFoundCode)]
    public void ConfigureCustomers_CsmNotAUserPropertyOfCustomerObject_IsRefused(string csm, string code)
    {
        var directory = NewDirectory();

        AssertRefused(directory, d => d.ConfigureCustomers(Manager, Enterprise, PrimaryId, csm, null, Schema, Now), code);
    }

    [Fact]
    [Trait("Rule", "17")]
    public void ConfigureServices_NoServicesObjectChosen_IsRefused()
    {
        var directory = NewDirectory();

        AssertRefused(
            directory,
            d => d.ConfigureServices(Manager, Enterprise, PrimaryId, Pipelines("service_csm", null, ["support"], "support"), Schema, Now),
            WorkspaceErrors.ServicesObjectNotActivatedCode);
    }

    [Fact]
    [Trait("Rule", "17")]
    public void ChooseServicesObject_ServicesObjectNotActivated_IsRefused()
    {
        var directory = NewDirectory();

        AssertRefused(directory, d => d.ChooseServicesObject(Manager, Enterprise, CrmObjectType.Services, SchemaWithoutServices, Now), WorkspaceErrors.ServicesObjectNotActivatedCode);
        AssertRefused(directory, d => d.ChooseServicesObject(Manager, Enterprise, CrmObjectType.Deals, Schema, Now), WorkspaceErrors.ObjectNotAllowedCode);
    }

    [Fact]
    [Trait("Rule", "17")]
    [Trait("Rule", "12")]
    public void ChooseServicesObject_CustomObject_OnlyOnEnterprise()
    {
        var directory = NewDirectory();

        AssertRefused(directory, d => d.ChooseServicesObject(Manager, Professional, Projects, Schema, Now), AccessErrors.EnterpriseRequiredCode);
        Assert.True(directory.ChooseServicesObject(Manager, Enterprise, Projects, Schema, Now).IsSuccess);
        Assert.True(directory.ConfigureServices(Manager, Enterprise, PrimaryId, Pipelines("project_csm", "project_end", ["projects"], "projects"), Schema, Now).IsSuccess);
    }

    [Fact]
    [Trait("Rule", "18")]
    public void ConfigureServices_FullConfiguration_IsStoredNormalized()
    {
        var directory = NewDirectory();
        directory.ChooseServicesObject(Manager, Enterprise, CrmObjectType.Services, Schema, Now).ThrowIfFailure();

        var result = directory.ConfigureServices(
            Manager, Enterprise, PrimaryId, Pipelines("service_csm", "service_renewal", ["support", "onboarding", "support"], "onboarding", " layout-7 "), Schema, Now);

        Assert.True(result.IsSuccess);
        var services = directory.State.Primary.Settings.Services;
        Assert.True(services.IsConfigured);
        Assert.Equal(Pipelines("service_csm", "service_renewal", ["support", "onboarding"], "onboarding", "layout-7"), services.Configuration);
    }

    [Theory]
    [Trait("Rule", "18")]
    [InlineData("service_csm", null, "support", "onboarding", WorkspaceErrors.DefaultPipelineNotSelectedCode)]
    [InlineData("service_csm", null, "sales", null, WorkspaceErrors.PipelineNotFoundCode)]
    [InlineData("", null, "support", null, WorkspaceErrors.CsmOwnerPropertyRequiredCode)]
    [InlineData("service_csm", "service_name", "support", null, WorkspaceErrors.PropertyWrongTypeCode)]
    [InlineData("company_csm", null, "support", null, WorkspaceErrors.PropertyWrongObjectCode)]
    public void ConfigureServices_InvalidConfiguration_IsRefused(string csm, string? date, string pipeline, string? defaultPipeline, string code)
    {
        var directory = NewDirectory();
        directory.ChooseServicesObject(Manager, Enterprise, CrmObjectType.Services, Schema, Now).ThrowIfFailure();

        AssertRefused(directory, d => d.ConfigureServices(Manager, Enterprise, PrimaryId, Pipelines(csm, date, [pipeline], defaultPipeline), Schema, Now), code);
    }

    [Fact]
    [Trait("Rule", "18")]
    public void ChooseServicesObject_Change_ClearsServicesConfigurationButKeepsTabToggle()
    {
        var directory = NewDirectory();
        directory.ChooseServicesObject(Manager, Enterprise, CrmObjectType.Services, Schema, Now).ThrowIfFailure();
        directory.ConfigureServices(Manager, Enterprise, PrimaryId, Pipelines("service_csm", null, ["support"], "support"), Schema, Now).ThrowIfFailure();
        directory.SetServicesTabShown(Manager, Enterprise, PrimaryId, false, Now).ThrowIfFailure();

        directory.ChooseServicesObject(Manager, Enterprise, Projects, Schema, Now).ThrowIfFailure();

        Assert.Equal(new ServicesSettings(false, null), directory.State.Primary.Settings.Services);
    }

    [Fact]
    [Trait("Rule", "19")]
    public void ChooseRevenueObjects_UpToTwoDealsOrCustom_IsAccepted()
    {
        var directory = NewDirectory();

        var result = directory.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals, Subscriptions], Subscriptions, Schema, Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(new[] { CrmObjectType.Deals, Subscriptions }, directory.State.Objects.RevenueObjects.ToArray());
    }

    [Fact]
    [Trait("Rule", "19")]
    public void ChooseRevenueObjects_ThreeObjects_IsRefused()
    {
        var directory = NewDirectory();

        AssertRefused(
            directory,
            d => d.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals, Subscriptions, Projects], CrmObjectType.Deals, Schema, Now),
            WorkspaceErrors.TooManyRevenueObjectsCode);
    }

    [Fact]
    [Trait("Rule", "19")]
    public void ChooseRevenueObjects_WrongKindOrDuplicateOrUnknown_IsRefused()
    {
        var directory = NewDirectory();

        AssertRefused(directory, d => d.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Companies], null, Schema, Now), WorkspaceErrors.ObjectNotAllowedCode);
        AssertRefused(directory, d => d.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals, CrmObjectType.Deals], CrmObjectType.Deals, Schema, Now), WorkspaceErrors.DuplicateRevenueObjectCode);
        AssertRefused(directory, d => d.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Custom("p_nope")], null, Schema, Now), WorkspaceErrors.ObjectNotFoundCode);
    }

    [Fact]
    [Trait("Rule", "20")]
    public void ChooseRevenueObjects_DefaultMustBeOneOfThem()
    {
        var directory = NewDirectory();

        AssertRefused(directory, d => d.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals, Subscriptions], null, Schema, Now), WorkspaceErrors.DefaultRevenueObjectInvalidCode);
        AssertRefused(directory, d => d.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals], Subscriptions, Schema, Now), WorkspaceErrors.DefaultRevenueObjectInvalidCode);
        AssertRefused(directory, d => d.ChooseRevenueObjects(Manager, Enterprise, [], CrmObjectType.Deals, Schema, Now), WorkspaceErrors.DefaultRevenueObjectInvalidCode);
    }

    [Fact]
    [Trait("Rule", "20")]
    public void ChooseRevenueObjects_SingleObject_IsTheDefault()
    {
        var directory = NewDirectory();

        directory.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals], null, Schema, Now).ThrowIfFailure();

        Assert.Equal(CrmObjectType.Deals, directory.State.Objects.DefaultRevenueObject);
    }

    [Fact]
    [Trait("Rule", "21")]
    public void ConfigureRevenueObject_PerObjectSettings_AreStoredPerObject()
    {
        var directory = NewDirectory();
        directory.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals, Subscriptions], CrmObjectType.Deals, Schema, Now).ThrowIfFailure();

        directory.ConfigureRevenueObject(Manager, Enterprise, PrimaryId, CrmObjectType.Deals, Pipelines("deal_csm", "deal_close", ["renewals"], "renewals", "L1"), Schema, Now).ThrowIfFailure();
        directory.ConfigureRevenueObject(Manager, Enterprise, PrimaryId, Subscriptions, Pipelines("sub_csm", "sub_end", ["subs"], null), Schema, Now).ThrowIfFailure();

        var revenue = directory.State.Primary.Settings.Revenue;
        Assert.Equal("deal_csm", revenue.Objects[CrmObjectType.Deals].CsmOwnerProperty);
        Assert.Equal("renewals", revenue.Objects[CrmObjectType.Deals].DefaultPipelineId);
        Assert.Equal("sub_end", revenue.Objects[Subscriptions].DateProperty);
    }

    [Fact]
    [Trait("Rule", "21")]
    public void ConfigureRevenueObject_ObjectNotChosenOrDateOfServicesObject_IsRefused()
    {
        var directory = NewDirectory();
        directory.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals], null, Schema, Now).ThrowIfFailure();

        AssertRefused(
            directory,
            d => d.ConfigureRevenueObject(Manager, Enterprise, PrimaryId, Subscriptions, Pipelines("sub_csm", null, ["subs"], null), Schema, Now),
            WorkspaceErrors.RevenueObjectNotSelectedCode);

        // Ambiguity B11: the date property belongs to the revenue object, not to the services object.
        AssertRefused(
            directory,
            d => d.ConfigureRevenueObject(Manager, Enterprise, PrimaryId, CrmObjectType.Deals, Pipelines("deal_csm", "service_renewal", ["sales"], "sales"), Schema, Now),
            WorkspaceErrors.PropertyWrongObjectCode);
        AssertRefused(
            directory,
            d => d.ConfigureRevenueObject(Manager, Enterprise, PrimaryId, CrmObjectType.Deals, Pipelines("deal_csm", null, ["sales"], "renewals"), Schema, Now),
            WorkspaceErrors.DefaultPipelineNotSelectedCode);
    }

    [Fact]
    [Trait("Rule", "21")]
    public void ChooseRevenueObjects_DroppingAnObject_DropsItsSettings()
    {
        var directory = NewDirectory();
        directory.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals, Subscriptions], CrmObjectType.Deals, Schema, Now).ThrowIfFailure();
        directory.ConfigureRevenueObject(Manager, Enterprise, PrimaryId, Subscriptions, Pipelines("sub_csm", null, ["subs"], null), Schema, Now).ThrowIfFailure();

        directory.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals], null, Schema, Now).ThrowIfFailure();

        Assert.Empty(directory.State.Primary.Settings.Revenue.Objects);
    }

    [Fact]
    [Trait("Rule", "22")]
    public void Tabs_ShownByDefault_AndSwitchedOffPerWorkspace()
    {
        var directory = NewDirectory();
        var team = Create(directory, "Onboarding", 1);
        Assert.True(directory.State.Find(team)!.Settings.Services.TabShown);
        Assert.True(directory.State.Find(team)!.Settings.Revenue.TabShown);

        directory.SetServicesTabShown(Manager, Enterprise, team, false, Now).ThrowIfFailure();
        directory.SetRevenueTabShown(Manager, Enterprise, team, false, Now).ThrowIfFailure();

        Assert.False(directory.State.Find(team)!.Settings.Services.TabShown);
        Assert.False(directory.State.Find(team)!.Settings.Revenue.TabShown);
        Assert.True(directory.State.Primary.Settings.Services.TabShown);
        Assert.True(directory.State.Primary.Settings.Revenue.TabShown);
    }

    [Fact]
    [Trait("Rule", "22")]
    public void SetTabShown_Unchanged_SucceedsWithoutEvent()
    {
        var directory = NewDirectory();
        var before = directory.State;

        Assert.True(directory.SetServicesTabShown(Manager, Enterprise, PrimaryId, true, Now).IsSuccess);
        Assert.True(directory.SetRevenueTabShown(Manager, Enterprise, PrimaryId, true, Now).IsSuccess);

        Assert.Same(before, directory.State);
        Assert.Empty(directory.DomainEvents);
    }

    [Fact]
    [Trait("Rule", "23")]
    public void Settings_ArePerWorkspace_ObjectsAreAccountLevel()
    {
        var directory = NewDirectory();
        var team = Create(directory, "Onboarding", 1);

        directory.ConfigureCustomers(Manager, Enterprise, team, "company_csm", null, Schema, Now).ThrowIfFailure();
        directory.ChooseCustomerObject(Manager, Enterprise, CrmObjectType.Contacts, Schema, Now).ThrowIfFailure();
        directory.ConfigureCustomers(Manager, Enterprise, PrimaryId, "contact_csm", null, Schema, Now).ThrowIfFailure();

        Assert.Equal(CrmObjectType.Contacts, directory.State.Objects.CustomerObject);
        Assert.Equal("contact_csm", directory.State.Primary.Settings.Customers.CsmOwnerProperty);
        Assert.False(directory.State.Find(team)!.Settings.Customers.IsComplete);
    }

    [Fact]
    [Trait("Rule", "23")]
    public void SettingsOperations_UnknownWorkspace_AreNotFound()
    {
        var directory = NewDirectory();
        var missing = WorkspaceId.From(9);

        AssertRefused(directory, d => d.ConfigureCustomers(Manager, Enterprise, missing, "company_csm", null, Schema, Now), WorkspaceErrors.NotFoundCode);
        AssertRefused(directory, d => d.SetServicesTabShown(Manager, Enterprise, missing, false, Now), WorkspaceErrors.NotFoundCode);
        AssertRefused(directory, d => d.SetRevenueTabShown(Manager, Enterprise, missing, false, Now), WorkspaceErrors.NotFoundCode);
    }

    [Fact]
    [Trait("Rule", "17")]
    public void ChooseServicesObject_None_ClearsTheChoice()
    {
        var directory = NewDirectory();
        directory.ChooseServicesObject(Manager, Enterprise, CrmObjectType.Services, Schema, Now).ThrowIfFailure();

        Assert.True(directory.ChooseServicesObject(Manager, Enterprise, null, Schema, Now).IsSuccess);

        Assert.Null(directory.State.Objects.ServicesObject);
        AssertRefused(
            directory,
            d => d.ConfigureServices(Manager, Enterprise, PrimaryId, Pipelines("service_csm", null, [], null), Schema, Now),
            WorkspaceErrors.ServicesObjectNotActivatedCode);
    }

    [Fact]
    [Trait("Rule", "24")]
    public void ConfigureCustomers_CustomerObjectMissingFromSchema_IsObjectNotFound()
    {
        var directory = NewDirectory();
        var withoutCompanies = new CrmSchema([Schema.Find(CrmObjectType.Contacts)!]);

        AssertRefused(directory, d => d.ConfigureCustomers(Manager, Enterprise, PrimaryId, "company_csm", null, withoutCompanies, Now), WorkspaceErrors.ObjectNotFoundCode);
    }

    [Fact]
    public void DefaultObjectOrIds_AreArgumentErrors()
    {
        var directory = NewDirectory();

        Assert.Equal("customerObject", Assert.Throws<ArgumentException>(() => directory.ChooseCustomerObject(Manager, Enterprise, default, Schema, Now)).ParamName);
        Assert.Equal("teamId", Assert.Throws<ArgumentException>(() => directory.AddTeam(Manager, Enterprise, PrimaryId, default, Now)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkspaceId.From(0));
        Assert.True(default(CrmObjectType).IsDefault);
    }

    [Fact]
    public void Schema_RepeatedObjectOrProperty_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CrmSchema([Schema.Find(CrmObjectType.Deals)!, Schema.Find(CrmObjectType.Deals)!]));
        Assert.Throws<ArgumentException>(() => new CrmObjectSchema(CrmObjectType.Deals, [new("a", CrmPropertyType.User), new("a", CrmPropertyType.Date)]));
        Assert.Throws<ArgumentException>(() => new CrmObjectSchema(default, []));
        Assert.Throws<ArgumentException>(() => CrmObjectType.Custom(" "));
    }
}
