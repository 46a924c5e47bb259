using System;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
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
        var config = NewConfiguration();

        AssertRefused(config, c => c.ConfigureCustomers(Csm, Enterprise, Primary, "company_csm", null, Schema, Now), AccessErrors.PermissionRequiredCode);
        AssertRefused(config, c => c.SetServicesTabShown(Csm, Enterprise, Primary, false, Now), AccessErrors.PermissionRequiredCode);
        AssertRefused(config, c => c.ChooseRevenueObjects(Csm, Enterprise, [CrmObjectType.Deals], null, Schema, Now), AccessErrors.PermissionRequiredCode);
    }

    [Fact]
    [Trait("Rule", "4")]
    public void SettingsOperations_SeatlessSuperAdmin_AreRefusedPerB3()
    {
        var config = NewConfiguration();

        AssertRefused(config, c => c.ConfigureCustomers(SeatlessSuperAdmin, Enterprise, Primary, "company_csm", null, Schema, Now), AccessErrors.ServiceSeatRequiredCode);
        AssertRefused(config, c => c.ChooseCustomerObject(SeatlessSuperAdmin, Enterprise, CrmObjectType.Contacts, Schema, Now), AccessErrors.ServiceSeatRequiredCode);
    }

    [Fact]
    [Trait("Rule", "4")]
    public void SettingsOperations_SeatlessSuperAdmin_AllowedWhenPolicyIsFlipped()
    {
        var policy = new AccessPolicy(new AccessPolicyOptions { SeatlessSuperAdminCanManageSettings = true });
        var config = new WorkspaceConfiguration(WorkspaceConfiguration.CreateInitialState(Portal), policy);

        Assert.True(config.ConfigureCustomers(SeatlessSuperAdmin, Enterprise, Primary, "company_csm", null, Schema, Now).IsSuccess);
    }

    [Theory]
    [Trait("Rule", "14")]
    [InlineData("contacts")]
    [InlineData("companies")]
    [InlineData("custom")]
    public void ChooseCustomerObject_ContactsCompaniesOrCustomOnEnterprise_IsAccepted(string kind)
    {
        var config = NewConfiguration();
        var target = kind switch { "contacts" => CrmObjectType.Contacts, "companies" => CrmObjectType.Contacts, _ => Subscriptions };
        if (kind == "companies")
        {
            config.ChooseCustomerObject(Manager, Enterprise, CrmObjectType.Contacts, Schema, Now).ThrowIfFailure();
            target = CrmObjectType.Companies;
        }

        var result = config.ChooseCustomerObject(Manager, Enterprise, target, Schema, Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(target, config.State.Objects.CustomerObject);
        Assert.IsType<CsObjectsChanged>(config.DomainEvents[^1]);
    }

    [Fact]
    [Trait("Rule", "14")]
    public void ChooseCustomerObject_DealsOrServices_IsNotAllowed()
    {
        var config = NewConfiguration();

        AssertRefused(config, c => c.ChooseCustomerObject(Manager, Enterprise, CrmObjectType.Deals, Schema, Now), WorkspaceErrors.ObjectNotAllowedCode);
        AssertRefused(config, c => c.ChooseCustomerObject(Manager, Enterprise, CrmObjectType.Services, Schema, Now), WorkspaceErrors.ObjectNotAllowedCode);
    }

    [Fact]
    [Trait("Rule", "14")]
    [Trait("Rule", "12")]
    public void ChooseCustomerObject_CustomOnProfessional_NeedsEnterprise()
    {
        var config = NewConfiguration();

        AssertRefused(config, c => c.ChooseCustomerObject(Manager, Professional, Subscriptions, Schema, Now), AccessErrors.EnterpriseRequiredCode);
        Assert.True(config.ChooseCustomerObject(Manager, Professional, CrmObjectType.Contacts, Schema, Now).IsSuccess);
    }

    [Fact]
    [Trait("Rule", "14")]
    public void ChooseCustomerObject_CustomObjectNotInAccount_IsNotFound()
    {
        var config = NewConfiguration();

        AssertRefused(config, c => c.ChooseCustomerObject(Manager, Enterprise, CrmObjectType.Custom("p_missing"), Schema, Now), WorkspaceErrors.ObjectNotFoundCode);
    }

    [Fact]
    [Trait("Rule", "14")]
    public void ChooseCustomerObject_SameObject_SucceedsWithoutEvent()
    {
        var config = NewConfiguration();
        var before = config.State;

        Assert.True(config.ChooseCustomerObject(Manager, Enterprise, CrmObjectType.Companies, Schema, Now).IsSuccess);
        Assert.Same(before, config.State);
        Assert.Empty(config.DomainEvents);
    }

    [Fact]
    [Trait("Rule", "15")]
    public void ConfigureCustomers_WithoutCsmOwnerProperty_IsRefusedAndNewWorkspaceIsIncomplete()
    {
        var config = NewConfiguration();
        Assert.False(config.State.SettingsOf(PrimaryId).Customers.IsComplete);

        AssertRefused(config, c => c.ConfigureCustomers(Manager, Enterprise, Primary, null, "company_renewal", Schema, Now), WorkspaceErrors.CsmOwnerPropertyRequiredCode);
        AssertRefused(config, c => c.ConfigureCustomers(Manager, Enterprise, Primary, "  ", null, Schema, Now), WorkspaceErrors.CsmOwnerPropertyRequiredCode);
    }

    [Fact]
    [Trait("Rule", "15")]
    public void ConfigureCustomers_UserPropertyOfCustomerObject_CompletesTheSetup()
    {
        var config = NewConfiguration();

        var result = config.ConfigureCustomers(Manager, Enterprise, Primary, "company_csm", null, Schema, Now);

        Assert.True(result.IsSuccess);
        var customers = config.State.SettingsOf(PrimaryId).Customers;
        Assert.Equal("company_csm", customers.CsmOwnerProperty);
        Assert.True(customers.IsComplete);
        var changed = Assert.IsType<WorkspaceSettingsChanged>(Assert.Single(config.DomainEvents));
        Assert.Equal(WorkspaceSettingsSection.Customers, changed.Section);
    }

    [Fact]
    [Trait("Rule", "15")]
    [Trait("Rule", "24")]
    public void ConfigureCustomers_OfferedPropertiesDependOnCustomerObject()
    {
        var config = NewConfiguration();
        config.ConfigureCustomers(Manager, Enterprise, Primary, "company_csm", "company_renewal", Schema, Now).ThrowIfFailure();

        config.ChooseCustomerObject(Manager, Enterprise, CrmObjectType.Contacts, Schema, Now).ThrowIfFailure();

        Assert.Equal(CustomerSettings.Default, config.State.SettingsOf(PrimaryId).Customers);
        AssertRefused(config, c => c.ConfigureCustomers(Manager, Enterprise, Primary, "company_csm", null, Schema, Now), WorkspaceErrors.PropertyWrongObjectCode);
        Assert.True(config.ConfigureCustomers(Manager, Enterprise, Primary, "contact_csm", "contact_renewal", Schema, Now).IsSuccess);
    }

    [Fact]
    [Trait("Rule", "16")]
    public void ConfigureCustomers_RenewalDateIsOptional()
    {
        var config = NewConfiguration();

        Assert.True(config.ConfigureCustomers(Manager, Enterprise, Primary, "company_csm", null, Schema, Now).IsSuccess);
        Assert.Null(config.State.SettingsOf(PrimaryId).Customers.RenewalDateProperty);
        Assert.True(config.ConfigureCustomers(Manager, Enterprise, Primary, "company_csm", "company_renewal", Schema, Now).IsSuccess);
        Assert.Equal("company_renewal", config.State.SettingsOf(PrimaryId).Customers.RenewalDateProperty);
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
        var config = NewConfiguration();

        AssertRefused(config, c => c.ConfigureCustomers(Manager, Enterprise, Primary, "company_csm", renewal, Schema, Now), code);
    }

    [Theory]
    [Trait("Rule", "24")]
    [InlineData("company_renewal", WorkspaceErrors.PropertyWrongTypeCode)]
    [InlineData("deal_csm", WorkspaceErrors.PropertyWrongObjectCode)]
    [InlineData("nope", WorkspaceErrors.PropertyNotFoundCode)]
    public void ConfigureCustomers_CsmNotAUserPropertyOfCustomerObject_IsRefused(string csm, string code)
    {
        var config = NewConfiguration();

        AssertRefused(config, c => c.ConfigureCustomers(Manager, Enterprise, Primary, csm, null, Schema, Now), code);
    }

    [Fact]
    [Trait("Rule", "17")]
    public void ConfigureServices_NoServicesObjectChosen_IsRefused()
    {
        var config = NewConfiguration();

        AssertRefused(
            config,
            c => c.ConfigureServices(Manager, Enterprise, Primary, Pipelines("service_csm", null, ["support"], "support"), Schema, Now),
            WorkspaceErrors.ServicesObjectNotActivatedCode);
    }

    [Fact]
    [Trait("Rule", "17")]
    public void ChooseServicesObject_ServicesObjectNotActivated_IsRefused()
    {
        var config = NewConfiguration();

        AssertRefused(config, c => c.ChooseServicesObject(Manager, Enterprise, CrmObjectType.Services, SchemaWithoutServices, Now), WorkspaceErrors.ServicesObjectNotActivatedCode);
        AssertRefused(config, c => c.ChooseServicesObject(Manager, Enterprise, CrmObjectType.Deals, Schema, Now), WorkspaceErrors.ObjectNotAllowedCode);
    }

    [Fact]
    [Trait("Rule", "17")]
    [Trait("Rule", "12")]
    public void ChooseServicesObject_CustomObject_OnlyOnEnterprise()
    {
        var config = NewConfiguration();

        AssertRefused(config, c => c.ChooseServicesObject(Manager, Professional, Projects, Schema, Now), AccessErrors.EnterpriseRequiredCode);
        Assert.True(config.ChooseServicesObject(Manager, Enterprise, Projects, Schema, Now).IsSuccess);
        Assert.True(config.ConfigureServices(Manager, Enterprise, Primary, Pipelines("project_csm", "project_end", ["projects"], "projects"), Schema, Now).IsSuccess);
    }

    [Fact]
    [Trait("Rule", "18")]
    public void ConfigureServices_FullConfiguration_IsStoredNormalized()
    {
        var config = NewConfiguration();
        config.ChooseServicesObject(Manager, Enterprise, CrmObjectType.Services, Schema, Now).ThrowIfFailure();

        var result = config.ConfigureServices(
            Manager, Enterprise, Primary, Pipelines("service_csm", "service_renewal", ["support", "onboarding", "support"], "onboarding", " layout-7 "), Schema, Now);

        Assert.True(result.IsSuccess);
        var services = config.State.SettingsOf(PrimaryId).Services;
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
        var config = NewConfiguration();
        config.ChooseServicesObject(Manager, Enterprise, CrmObjectType.Services, Schema, Now).ThrowIfFailure();

        AssertRefused(config, c => c.ConfigureServices(Manager, Enterprise, Primary, Pipelines(csm, date, [pipeline], defaultPipeline), Schema, Now), code);
    }

    [Fact]
    [Trait("Rule", "18")]
    public void ChooseServicesObject_Change_ClearsServicesConfigurationButKeepsTabToggle()
    {
        var config = NewConfiguration();
        config.ChooseServicesObject(Manager, Enterprise, CrmObjectType.Services, Schema, Now).ThrowIfFailure();
        config.ConfigureServices(Manager, Enterprise, Primary, Pipelines("service_csm", null, ["support"], "support"), Schema, Now).ThrowIfFailure();
        config.SetServicesTabShown(Manager, Enterprise, Primary, false, Now).ThrowIfFailure();

        config.ChooseServicesObject(Manager, Enterprise, Projects, Schema, Now).ThrowIfFailure();

        Assert.Equal(new ServicesSettings(false, null), config.State.SettingsOf(PrimaryId).Services);
    }

    [Fact]
    [Trait("Rule", "19")]
    public void ChooseRevenueObjects_UpToTwoDealsOrCustom_IsAccepted()
    {
        var config = NewConfiguration();

        var result = config.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals, Subscriptions], Subscriptions, Schema, Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(new[] { CrmObjectType.Deals, Subscriptions }, config.State.Objects.RevenueObjects.ToArray());
    }

    [Fact]
    [Trait("Rule", "19")]
    public void ChooseRevenueObjects_ThreeObjects_IsRefused()
    {
        var config = NewConfiguration();

        AssertRefused(
            config,
            c => c.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals, Subscriptions, Projects], CrmObjectType.Deals, Schema, Now),
            WorkspaceErrors.TooManyRevenueObjectsCode);
    }

    [Fact]
    [Trait("Rule", "19")]
    public void ChooseRevenueObjects_WrongKindOrDuplicateOrUnknown_IsRefused()
    {
        var config = NewConfiguration();

        AssertRefused(config, c => c.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Companies], null, Schema, Now), WorkspaceErrors.ObjectNotAllowedCode);
        AssertRefused(config, c => c.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals, CrmObjectType.Deals], CrmObjectType.Deals, Schema, Now), WorkspaceErrors.DuplicateRevenueObjectCode);
        AssertRefused(config, c => c.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Custom("p_nope")], null, Schema, Now), WorkspaceErrors.ObjectNotFoundCode);
    }

    [Fact]
    [Trait("Rule", "20")]
    public void ChooseRevenueObjects_DefaultMustBeOneOfThem()
    {
        var config = NewConfiguration();

        AssertRefused(config, c => c.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals, Subscriptions], null, Schema, Now), WorkspaceErrors.DefaultRevenueObjectInvalidCode);
        AssertRefused(config, c => c.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals], Subscriptions, Schema, Now), WorkspaceErrors.DefaultRevenueObjectInvalidCode);
        AssertRefused(config, c => c.ChooseRevenueObjects(Manager, Enterprise, [], CrmObjectType.Deals, Schema, Now), WorkspaceErrors.DefaultRevenueObjectInvalidCode);
    }

    [Fact]
    [Trait("Rule", "20")]
    public void ChooseRevenueObjects_SingleObject_IsTheDefault()
    {
        var config = NewConfiguration();

        config.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals], null, Schema, Now).ThrowIfFailure();

        Assert.Equal(CrmObjectType.Deals, config.State.Objects.DefaultRevenueObject);
    }

    [Fact]
    [Trait("Rule", "21")]
    public void ConfigureRevenueObject_PerObjectSettings_AreStoredPerObject()
    {
        var config = NewConfiguration();
        config.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals, Subscriptions], CrmObjectType.Deals, Schema, Now).ThrowIfFailure();

        config.ConfigureRevenueObject(Manager, Enterprise, Primary, CrmObjectType.Deals, Pipelines("deal_csm", "deal_close", ["renewals"], "renewals", "L1"), Schema, Now).ThrowIfFailure();
        config.ConfigureRevenueObject(Manager, Enterprise, Primary, Subscriptions, Pipelines("sub_csm", "sub_end", ["subs"], null), Schema, Now).ThrowIfFailure();

        var revenue = config.State.SettingsOf(PrimaryId).Revenue;
        Assert.Equal("deal_csm", revenue.Objects[CrmObjectType.Deals].CsmOwnerProperty);
        Assert.Equal("renewals", revenue.Objects[CrmObjectType.Deals].DefaultPipelineId);
        Assert.Equal("sub_end", revenue.Objects[Subscriptions].DateProperty);
    }

    [Fact]
    [Trait("Rule", "21")]
    public void ConfigureRevenueObject_ObjectNotChosenOrDateOfServicesObject_IsRefused()
    {
        var config = NewConfiguration();
        config.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals], null, Schema, Now).ThrowIfFailure();

        AssertRefused(
            config,
            c => c.ConfigureRevenueObject(Manager, Enterprise, Primary, Subscriptions, Pipelines("sub_csm", null, ["subs"], null), Schema, Now),
            WorkspaceErrors.RevenueObjectNotSelectedCode);

        // Ambiguity B11: the date property belongs to the revenue object, not to the services object.
        AssertRefused(
            config,
            c => c.ConfigureRevenueObject(Manager, Enterprise, Primary, CrmObjectType.Deals, Pipelines("deal_csm", "service_renewal", ["sales"], "sales"), Schema, Now),
            WorkspaceErrors.PropertyWrongObjectCode);
        AssertRefused(
            config,
            c => c.ConfigureRevenueObject(Manager, Enterprise, Primary, CrmObjectType.Deals, Pipelines("deal_csm", null, ["sales"], "renewals"), Schema, Now),
            WorkspaceErrors.DefaultPipelineNotSelectedCode);
    }

    [Fact]
    [Trait("Rule", "21")]
    public void ChooseRevenueObjects_DroppingAnObject_DropsItsSettings()
    {
        var config = NewConfiguration();
        config.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals, Subscriptions], CrmObjectType.Deals, Schema, Now).ThrowIfFailure();
        config.ConfigureRevenueObject(Manager, Enterprise, Primary, Subscriptions, Pipelines("sub_csm", null, ["subs"], null), Schema, Now).ThrowIfFailure();

        config.ChooseRevenueObjects(Manager, Enterprise, [CrmObjectType.Deals], null, Schema, Now).ThrowIfFailure();

        Assert.Empty(config.State.SettingsOf(PrimaryId).Revenue.Objects);
    }

    [Fact]
    [Trait("Rule", "22")]
    public void Tabs_ShownByDefault_AndSwitchedOffPerWorkspace()
    {
        var config = NewConfiguration();
        var team = CreateTeamWorkspace("Onboarding", 1);
        Assert.True(config.State.SettingsOf(team.Id).Services.TabShown);
        Assert.True(config.State.SettingsOf(team.Id).Revenue.TabShown);

        config.SetServicesTabShown(Manager, Enterprise, team, false, Now).ThrowIfFailure();
        config.SetRevenueTabShown(Manager, Enterprise, team, false, Now).ThrowIfFailure();

        Assert.False(config.State.SettingsOf(team.Id).Services.TabShown);
        Assert.False(config.State.SettingsOf(team.Id).Revenue.TabShown);
        Assert.True(config.State.SettingsOf(PrimaryId).Services.TabShown);
        Assert.True(config.State.SettingsOf(PrimaryId).Revenue.TabShown);
    }

    [Fact]
    [Trait("Rule", "22")]
    public void SetTabShown_Unchanged_SucceedsWithoutEvent()
    {
        var config = NewConfiguration();
        var before = config.State;

        Assert.True(config.SetServicesTabShown(Manager, Enterprise, Primary, true, Now).IsSuccess);
        Assert.True(config.SetRevenueTabShown(Manager, Enterprise, Primary, true, Now).IsSuccess);

        Assert.Same(before, config.State);
        Assert.Empty(config.DomainEvents);
    }

    [Fact]
    [Trait("Rule", "23")]
    public void Settings_ArePerWorkspace_ObjectsAreAccountLevel()
    {
        var config = NewConfiguration();
        var team = CreateTeamWorkspace("Onboarding", 1);

        config.ConfigureCustomers(Manager, Enterprise, team, "company_csm", null, Schema, Now).ThrowIfFailure();
        config.ChooseCustomerObject(Manager, Enterprise, CrmObjectType.Contacts, Schema, Now).ThrowIfFailure();
        config.ConfigureCustomers(Manager, Enterprise, Primary, "contact_csm", null, Schema, Now).ThrowIfFailure();

        Assert.Equal(CrmObjectType.Contacts, config.State.Objects.CustomerObject);
        Assert.Equal("contact_csm", config.State.SettingsOf(PrimaryId).Customers.CsmOwnerProperty);
        Assert.False(config.State.SettingsOf(team.Id).Customers.IsComplete);
    }

    [Fact]
    [Trait("Rule", "17")]
    public void ChooseServicesObject_None_ClearsTheChoice()
    {
        var config = NewConfiguration();
        config.ChooseServicesObject(Manager, Enterprise, CrmObjectType.Services, Schema, Now).ThrowIfFailure();

        Assert.True(config.ChooseServicesObject(Manager, Enterprise, null, Schema, Now).IsSuccess);

        Assert.Null(config.State.Objects.ServicesObject);
        AssertRefused(
            config,
            c => c.ConfigureServices(Manager, Enterprise, Primary, Pipelines("service_csm", null, [], null), Schema, Now),
            WorkspaceErrors.ServicesObjectNotActivatedCode);
    }

    [Fact]
    [Trait("Rule", "24")]
    public void ConfigureCustomers_CustomerObjectMissingFromSchema_IsObjectNotFound()
    {
        var config = NewConfiguration();
        var withoutCompanies = new CrmSchema([Schema.Find(CrmObjectType.Contacts)!]);

        AssertRefused(config, c => c.ConfigureCustomers(Manager, Enterprise, Primary, "company_csm", null, withoutCompanies, Now), WorkspaceErrors.ObjectNotFoundCode);
    }

    [Fact]
    public void DefaultObjectOrIds_AreArgumentErrors()
    {
        var config = NewConfiguration();

        Assert.Equal("customerObject", Assert.Throws<ArgumentException>(() => config.ChooseCustomerObject(Manager, Enterprise, default, Schema, Now)).ParamName);
        Assert.Equal("teamId", Assert.Throws<ArgumentException>(() => NewDirectory().AddTeam(Manager, Enterprise, PrimaryId, default, Now)).ParamName);
        Assert.Equal("revenueObject", Assert.Throws<ArgumentException>(() => config.ConfigureRevenueObject(Manager, Enterprise, Primary, default, Pipelines("deal_csm", null, [], null), Schema, Now)).ParamName);
        Assert.Throws<ArgumentNullException>(() => config.ConfigureCustomers(Manager, Enterprise, null!, "company_csm", null, Schema, Now));
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
