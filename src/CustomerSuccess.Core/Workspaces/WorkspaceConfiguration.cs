using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Workspaces.Events;
using NodaTime;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>
/// The configuration of one portal's workspaces (rules 14–24): the account-level object choices (customer, services
/// and revenue objects) and every workspace's Customers, Services and Revenue settings.
/// </summary>
/// <remarks>
/// <para>A separate aggregate from the <see cref="WorkspaceDirectory"/>: no invariant spans the two (settings of a
/// workspace that was never configured are <see cref="WorkspaceSettings.Default"/>; a deleted workspace's number is
/// never reused, so its settings are never read again), and a person editing settings does not contend with team
/// assignments. Per-workspace operations take the <see cref="Workspace"/> read from the directory, which proves the
/// workspace exists.</para>
/// <para>Every operation needs <see cref="CsOperation.ManageWorkspaceSettings"/> (rule 4, ambiguity B3), asked first;
/// then its rules are checked in the order documented on it and the first refusal is returned (a code of
/// <see cref="WorkspaceErrors"/>), leaving the state and the events as they were. Property and pipeline pickers are
/// checked against the account's <see cref="CrmSchema"/>, which the caller supplies (rule 24).</para>
/// <para>Not thread-safe: use one instance per operation (the <see cref="WorkspaceSettingsService"/> does).</para>
/// </remarks>
public sealed class WorkspaceConfiguration : PortalAggregate<WorkspaceConfigurationState>
{
    /// <summary>The most revenue objects an account may choose (rule 19).</summary>
    public const int MaxRevenueObjects = 2;

    /// <summary>Initializes the configuration over a stored state.</summary>
    /// <param name="state">The state.</param>
    /// <param name="policy">The access policy (with the options the application configured).</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> or <paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="state"/> is corrupt (a default portal or workspace id, or
    /// revenue settings of an object that is not chosen).</exception>
    public WorkspaceConfiguration(WorkspaceConfigurationState state, AccessPolicy policy)
        : base(CheckInvariants(state), policy)
    {
    }

    /// <summary>Builds the configuration of a portal that has none yet: <see cref="CsObjectSettings.Default"/> and no
    /// configured workspace.</summary>
    /// <param name="portalId">The portal.</param>
    /// <returns>The initial state.</returns>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> is <c>default</c>.</exception>
    public static WorkspaceConfigurationState CreateInitialState(PortalId portalId)
    {
        if (portalId.IsDefault)
        {
            throw new ArgumentException("The portal id must not be default.", nameof(portalId));
        }

        return new WorkspaceConfigurationState(portalId, CsObjectSettings.Default, ImmutableSortedDictionary<WorkspaceId, WorkspaceSettings>.Empty);
    }

    /// <summary>Chooses the account's customer object (rules 14, 23, ambiguity B6).</summary>
    /// <param name="actor">Who chooses; needs <see cref="CsOperation.ManageWorkspaceSettings"/>, and for a custom
    /// object <see cref="CsOperation.UseCustomObjectAsCustomerObject"/> (Enterprise, rule 12).</param>
    /// <param name="account">The account; must be this configuration's portal.</param>
    /// <param name="customerObject">Contacts, companies or a custom object.</param>
    /// <param name="schema">The account's CRM objects; the object must be among them.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The object choices after the change (without an event if unchanged), or <c>access.*</c>,
    /// <see cref="WorkspaceErrors.ObjectNotAllowedCode"/>, <see cref="WorkspaceErrors.ObjectNotFoundCode"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or <paramref name="customerObject"/> is <c>default</c>.</exception>
    /// <remarks>A change resets the Customers settings of every workspace to <see cref="CustomerSettings.Default"/>,
    /// because their properties belonged to the previous object (rule 24).</remarks>
    public Result<CsObjectSettings> ChooseCustomerObject(Actor actor, AccountContext account, CrmObjectType customerObject, CrmSchema schema, Instant now)
    {
        CheckCaller(actor, account);
        CrmObjectType.ThrowIfDefault(customerObject, nameof(customerObject));
        ArgumentNullException.ThrowIfNull(schema);
        const string Role = "customer";
        if (Authorize(actor, account, CsOperation.ManageWorkspaceSettings) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (customerObject.Kind is not (CrmObjectKind.Contacts or CrmObjectKind.Companies or CrmObjectKind.Custom))
        {
            return WorkspaceErrors.ObjectNotAllowed(customerObject, Role, "contacts, companies or a custom object");
        }

        if (customerObject.IsCustom && Authorize(actor, account, CsOperation.UseCustomObjectAsCustomerObject) is { IsFailure: true } notEnterprise)
        {
            return notEnterprise.Error;
        }

        if (schema.Find(customerObject) is null)
        {
            return WorkspaceErrors.ObjectNotFound(customerObject, Role);
        }

        if (customerObject == State.Objects.CustomerObject)
        {
            return State.Objects;
        }

        return CommitObjects(
            State.Objects with { CustomerObject = customerObject },
            s => s with { Customers = CustomerSettings.Default },
            actor,
            now);
    }

    /// <summary>Chooses the account's services object, or none (rules 17, 23, ambiguity B10).</summary>
    /// <param name="actor">Who chooses; needs <see cref="CsOperation.ManageWorkspaceSettings"/>, and for a custom
    /// object <see cref="CsOperation.UseCustomObjectForServices"/> (Enterprise, rule 12).</param>
    /// <param name="account">The account; must be this configuration's portal.</param>
    /// <param name="servicesObject">The Services object or a custom object; <see langword="null"/> for none.</param>
    /// <param name="schema">The account's CRM objects: the Services object counts as activated when it is listed.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The object choices after the change (without an event if unchanged), or <c>access.*</c>,
    /// <see cref="WorkspaceErrors.ObjectNotAllowedCode"/>, <see cref="WorkspaceErrors.ServicesObjectNotActivatedCode"/>
    /// (the Services object is not in <paramref name="schema"/>), <see cref="WorkspaceErrors.ObjectNotFoundCode"/> (a
    /// custom object is not).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or <paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or <paramref name="servicesObject"/> is <c>default</c>.</exception>
    /// <remarks>A change clears the services configuration of every workspace (the tab toggles stay).</remarks>
    public Result<CsObjectSettings> ChooseServicesObject(Actor actor, AccountContext account, CrmObjectType? servicesObject, CrmSchema schema, Instant now)
    {
        CheckCaller(actor, account);
        if (servicesObject is { } chosen)
        {
            CrmObjectType.ThrowIfDefault(chosen, nameof(servicesObject));
        }

        ArgumentNullException.ThrowIfNull(schema);
        const string Role = "services";
        if (Authorize(actor, account, CsOperation.ManageWorkspaceSettings) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (servicesObject is { } value)
        {
            if (value.Kind is not (CrmObjectKind.Services or CrmObjectKind.Custom))
            {
                return WorkspaceErrors.ObjectNotAllowed(value, Role, "the Services object or a custom object");
            }

            if (value.IsCustom && Authorize(actor, account, CsOperation.UseCustomObjectForServices) is { IsFailure: true } notEnterprise)
            {
                return notEnterprise.Error;
            }

            if (schema.Find(value) is null)
            {
                return value.IsCustom ? WorkspaceErrors.ObjectNotFound(value, Role) : WorkspaceErrors.ServicesObjectNotActivated();
            }
        }

        if (servicesObject == State.Objects.ServicesObject)
        {
            return State.Objects;
        }

        return CommitObjects(
            State.Objects with { ServicesObject = servicesObject },
            s => s with { Services = s.Services with { Configuration = null } },
            actor,
            now);
    }

    /// <summary>Chooses the account's revenue objects and the default one (rules 19, 20, 23).</summary>
    /// <param name="actor">Who chooses; needs <see cref="CsOperation.ManageWorkspaceSettings"/>.</param>
    /// <param name="account">The account; must be this configuration's portal.</param>
    /// <param name="revenueObjects">At most <see cref="MaxRevenueObjects"/> objects, each deals or a custom object, no
    /// repeats; the order is kept. Empty for none.</param>
    /// <param name="defaultObject">The object the team sees first: one of <paramref name="revenueObjects"/>. May be
    /// <see langword="null"/> when there is at most one object (the only one is then the default).</param>
    /// <param name="schema">The account's CRM objects; every chosen object must be among them.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The object choices after the change (without an event if unchanged), or <c>access.*</c>,
    /// <see cref="WorkspaceErrors.TooManyRevenueObjectsCode"/>, <see cref="WorkspaceErrors.ObjectNotAllowedCode"/>,
    /// <see cref="WorkspaceErrors.DuplicateRevenueObjectCode"/>, <see cref="WorkspaceErrors.ObjectNotFoundCode"/>,
    /// <see cref="WorkspaceErrors.DefaultRevenueObjectInvalidCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/>,
    /// <paramref name="revenueObjects"/> or <paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or an object is <c>default</c>.</exception>
    /// <remarks>Every workspace's revenue settings of objects no longer chosen are dropped. The sources gate custom
    /// revenue objects behind no tier of their own (custom objects exist only on Enterprise accounts anyway).</remarks>
    public Result<CsObjectSettings> ChooseRevenueObjects(Actor actor, AccountContext account, IReadOnlyList<CrmObjectType> revenueObjects, CrmObjectType? defaultObject, CrmSchema schema, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(revenueObjects);
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var o in revenueObjects)
        {
            CrmObjectType.ThrowIfDefault(o, nameof(revenueObjects));
        }

        if (defaultObject is { } d)
        {
            CrmObjectType.ThrowIfDefault(d, nameof(defaultObject));
        }

        const string Role = "revenue";
        if (Authorize(actor, account, CsOperation.ManageWorkspaceSettings) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (revenueObjects.Count > MaxRevenueObjects)
        {
            return WorkspaceErrors.TooManyRevenueObjects(revenueObjects.Count, MaxRevenueObjects);
        }

        for (var i = 0; i < revenueObjects.Count; i++)
        {
            var o = revenueObjects[i];
            if (o.Kind is not (CrmObjectKind.Deals or CrmObjectKind.Custom))
            {
                return WorkspaceErrors.ObjectNotAllowed(o, Role, "deals or a custom object");
            }

            if (revenueObjects.Take(i).Contains(o))
            {
                return WorkspaceErrors.DuplicateRevenueObject(o);
            }
        }

        if (revenueObjects.FirstOrDefault(o => schema.Find(o) is null) is { IsDefault: false } missing)
        {
            return WorkspaceErrors.ObjectNotFound(missing, Role);
        }

        var chosenDefault = defaultObject ?? (revenueObjects.Count == 1 ? revenueObjects[0] : null);
        var defaultValid = (revenueObjects.Count == 0 && chosenDefault is null) || (chosenDefault is { } c && revenueObjects.Contains(c));
        if (!defaultValid)
        {
            return WorkspaceErrors.DefaultRevenueObjectInvalid(chosenDefault, revenueObjects);
        }

        var objects = State.Objects with { RevenueObjects = [.. revenueObjects], DefaultRevenueObject = chosenDefault };
        if (objects.Equals(State.Objects))
        {
            return State.Objects;
        }

        return CommitObjects(
            objects,
            s => s with
            {
                Revenue = s.Revenue with { Objects = s.Revenue.Objects.RemoveRange(s.Revenue.Objects.Keys.Where(k => !revenueObjects.Contains(k))) },
            },
            actor,
            now);
    }

    /// <summary>Saves a workspace's Customers settings (rules 15, 16, 23, 24).</summary>
    /// <param name="actor">Who saves them; needs <see cref="CsOperation.ManageWorkspaceSettings"/> (rule 4).</param>
    /// <param name="account">The account; must be this configuration's portal.</param>
    /// <param name="workspace">The workspace, as read from the directory.</param>
    /// <param name="csmOwnerProperty">The HubSpot-user property of the customer object naming the CSM; required.</param>
    /// <param name="renewalDateProperty">A date property of the customer object, or <see langword="null"/>/blank for none.</param>
    /// <param name="schema">The account's CRM objects.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The workspace's settings after the change (without an event if unchanged), or <c>access.*</c>,
    /// <see cref="WorkspaceErrors.ObjectNotFoundCode"/> (the customer object is not in the schema),
    /// <see cref="WorkspaceErrors.CsmOwnerPropertyRequiredCode"/>, <see cref="WorkspaceErrors.PropertyNotFoundCode"/>,
    /// <see cref="WorkspaceErrors.PropertyWrongObjectCode"/>, <see cref="WorkspaceErrors.PropertyWrongTypeCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/>,
    /// <paramref name="workspace"/> or <paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result<WorkspaceSettings> ConfigureCustomers(Actor actor, AccountContext account, Workspace workspace, string? csmOwnerProperty, string? renewalDateProperty, CrmSchema schema, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(schema);
        if (Authorize(actor, account, CsOperation.ManageWorkspaceSettings) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var customerObject = State.Objects.CustomerObject;
        if (schema.Find(customerObject) is not { } objectSchema)
        {
            return WorkspaceErrors.ObjectNotFound(customerObject, "customer");
        }

        if (Blank(csmOwnerProperty) is not { } csm)
        {
            return WorkspaceErrors.CsmOwnerPropertyRequired(customerObject);
        }

        var renewal = Blank(renewalDateProperty);
        if ((CheckProperty(schema, objectSchema, csm, CrmPropertyType.User)
            ?? (renewal is null ? null : CheckProperty(schema, objectSchema, renewal, CrmPropertyType.Date))) is { } wrong)
        {
            return wrong;
        }

        var settings = State.SettingsOf(workspace.Id);
        return CommitSettings(workspace.Id, settings with { Customers = new CustomerSettings(csm, renewal) }, WorkspaceSettingsSection.Customers, actor, now);
    }

    /// <summary>Shows or hides the Services tab of a workspace (rule 22); it is shown by default.</summary>
    /// <param name="actor">Who changes it; needs <see cref="CsOperation.ManageWorkspaceSettings"/>.</param>
    /// <param name="account">The account; must be this configuration's portal.</param>
    /// <param name="workspace">The workspace, as read from the directory.</param>
    /// <param name="shown">Whether the tab is shown to the workspace's teams.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The workspace's settings after the change (without an event if unchanged), or <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or <paramref name="workspace"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    /// <remarks>The toggle does not need a services object: hiding a tab is always allowed (library choice).</remarks>
    public Result<WorkspaceSettings> SetServicesTabShown(Actor actor, AccountContext account, Workspace workspace, bool shown, Instant now) =>
        SetTabShown(actor, account, workspace, WorkspaceSettingsSection.Services, s => s with { Services = s.Services with { TabShown = shown } }, now);

    /// <summary>Shows or hides the Revenue tab of a workspace (rule 22); it is shown by default.</summary>
    /// <param name="actor">Who changes it; needs <see cref="CsOperation.ManageWorkspaceSettings"/>.</param>
    /// <param name="account">The account; must be this configuration's portal.</param>
    /// <param name="workspace">The workspace, as read from the directory.</param>
    /// <param name="shown">Whether the tab is shown to the workspace's teams.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The workspace's settings after the change (without an event if unchanged), or <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or <paramref name="workspace"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result<WorkspaceSettings> SetRevenueTabShown(Actor actor, AccountContext account, Workspace workspace, bool shown, Instant now) =>
        SetTabShown(actor, account, workspace, WorkspaceSettingsSection.Revenue, s => s with { Revenue = s.Revenue with { TabShown = shown } }, now);

    /// <summary>Saves a workspace's services configuration (rules 17, 18, 24).</summary>
    /// <param name="actor">Who saves it; needs <see cref="CsOperation.ManageWorkspaceSettings"/>.</param>
    /// <param name="account">The account; must be this configuration's portal.</param>
    /// <param name="workspace">The workspace, as read from the directory.</param>
    /// <param name="configuration">The CSM user property (required), optional renewal-date property, selected
    /// pipelines, default pipeline (one of the selected) and default page layout id, all of the services object.</param>
    /// <param name="schema">The account's CRM objects.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The workspace's settings after the change (without an event if unchanged), or <c>access.*</c>,
    /// <see cref="WorkspaceErrors.ServicesObjectNotActivatedCode"/>, <see cref="WorkspaceErrors.ObjectNotFoundCode"/>,
    /// <see cref="WorkspaceErrors.CsmOwnerPropertyRequiredCode"/>, <see cref="WorkspaceErrors.PropertyNotFoundCode"/>,
    /// <see cref="WorkspaceErrors.PropertyWrongObjectCode"/>, <see cref="WorkspaceErrors.PropertyWrongTypeCode"/>,
    /// <see cref="WorkspaceErrors.PipelineNotFoundCode"/>, <see cref="WorkspaceErrors.DefaultPipelineNotSelectedCode"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or a pipeline id is blank.</exception>
    public Result<WorkspaceSettings> ConfigureServices(Actor actor, AccountContext account, Workspace workspace, PipelineObjectSettings configuration, CrmSchema schema, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(schema);
        if (Authorize(actor, account, CsOperation.ManageWorkspaceSettings) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (State.Objects.ServicesObject is not { } servicesObject)
        {
            return WorkspaceErrors.ServicesObjectNotActivated();
        }

        if (schema.Find(servicesObject) is not { } objectSchema)
        {
            return servicesObject.IsCustom ? WorkspaceErrors.ObjectNotFound(servicesObject, "services") : WorkspaceErrors.ServicesObjectNotActivated();
        }

        var normalized = ValidPipelineSettings(schema, objectSchema, configuration);
        if (normalized.IsFailure)
        {
            return normalized.Error;
        }

        var settings = State.SettingsOf(workspace.Id);
        return CommitSettings(workspace.Id, settings with { Services = settings.Services with { Configuration = normalized.Value } }, WorkspaceSettingsSection.Services, actor, now);
    }

    /// <summary>Saves a workspace's configuration of one revenue object (rules 21, 24, ambiguity B11).</summary>
    /// <param name="actor">Who saves it; needs <see cref="CsOperation.ManageWorkspaceSettings"/>.</param>
    /// <param name="account">The account; must be this configuration's portal.</param>
    /// <param name="workspace">The workspace, as read from the directory.</param>
    /// <param name="revenueObject">One of the account's revenue objects (<see cref="CsObjectSettings.RevenueObjects"/>).</param>
    /// <param name="configuration">The CSM user property (required), optional renewal-or-end-date property, selected
    /// pipelines, default pipeline (one of the selected) and default page layout id, all of
    /// <paramref name="revenueObject"/> (B11: the date depends on the revenue object, not the services one).</param>
    /// <param name="schema">The account's CRM objects.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The workspace's settings after the change (without an event if unchanged), or <c>access.*</c>,
    /// <see cref="WorkspaceErrors.RevenueObjectNotSelectedCode"/>, <see cref="WorkspaceErrors.ObjectNotFoundCode"/>,
    /// <see cref="WorkspaceErrors.CsmOwnerPropertyRequiredCode"/>, <see cref="WorkspaceErrors.PropertyNotFoundCode"/>,
    /// <see cref="WorkspaceErrors.PropertyWrongObjectCode"/>, <see cref="WorkspaceErrors.PropertyWrongTypeCode"/>,
    /// <see cref="WorkspaceErrors.PipelineNotFoundCode"/>, <see cref="WorkspaceErrors.DefaultPipelineNotSelectedCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/>, <paramref name="workspace"/>,
    /// <paramref name="configuration"/> or <paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, <paramref name="revenueObject"/>
    /// is <c>default</c>, or a pipeline id is blank.</exception>
    public Result<WorkspaceSettings> ConfigureRevenueObject(Actor actor, AccountContext account, Workspace workspace, CrmObjectType revenueObject, PipelineObjectSettings configuration, CrmSchema schema, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(workspace);
        CrmObjectType.ThrowIfDefault(revenueObject, nameof(revenueObject));
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(schema);
        if (Authorize(actor, account, CsOperation.ManageWorkspaceSettings) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (!State.Objects.RevenueObjects.Contains(revenueObject))
        {
            return WorkspaceErrors.RevenueObjectNotSelected(revenueObject, State.Objects.RevenueObjects);
        }

        if (schema.Find(revenueObject) is not { } objectSchema)
        {
            return WorkspaceErrors.ObjectNotFound(revenueObject, "revenue");
        }

        var normalized = ValidPipelineSettings(schema, objectSchema, configuration);
        if (normalized.IsFailure)
        {
            return normalized.Error;
        }

        var settings = State.SettingsOf(workspace.Id);
        var revenue = settings.Revenue;
        return CommitSettings(
            workspace.Id,
            settings with { Revenue = revenue with { Objects = revenue.Objects.SetItem(revenueObject, normalized.Value) } },
            WorkspaceSettingsSection.Revenue,
            actor,
            now);
    }

    internal static WorkspaceConfigurationState CheckInvariants(WorkspaceConfigurationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(state.Objects, nameof(state));
        ArgumentNullException.ThrowIfNull(state.Settings, nameof(state));
        string? problem =
            state.PortalId.IsDefault ? "the portal id is default"
            : state.Settings.Keys.Any(k => k.IsDefault) ? "a workspace id is default"
            : state.Objects.CustomerObject.IsDefault ? "no customer object is chosen"
            : state.Objects.RevenueObjects.Length > MaxRevenueObjects ? "more than two revenue objects are chosen"
            : state.Settings.Values.Any(s => s.Revenue.Objects.Keys.Any(k => !state.Objects.RevenueObjects.Contains(k))) ? "a workspace configures a revenue object that is not chosen"
            : null;
        return problem is null
            ? state
            : throw new ArgumentException($"The workspace configuration of portal {state.PortalId} is corrupt: {problem}.", nameof(state));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DomainError? CheckProperty(CrmSchema schema, CrmObjectSchema objectSchema, string name, CrmPropertyType expected)
    {
        if (objectSchema.FindProperty(name) is not { } property)
        {
            return schema.FindOwnerOfProperty(name, objectSchema.ObjectType) is { } owner
                ? WorkspaceErrors.PropertyWrongObject(name, objectSchema.ObjectType, owner)
                : WorkspaceErrors.PropertyNotFound(name, objectSchema.ObjectType);
        }

        return property.Type == expected ? null : WorkspaceErrors.PropertyWrongType(name, objectSchema.ObjectType, property.Type, expected);
    }

    private static Result<PipelineObjectSettings> ValidPipelineSettings(CrmSchema schema, CrmObjectSchema objectSchema, PipelineObjectSettings input)
    {
        var pipelines = input.SelectedPipelineIds.IsDefault ? [] : input.SelectedPipelineIds;
        if (pipelines.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A selected pipeline id must not be blank.", nameof(input));
        }

        var selected = pipelines.Select(p => p.Trim()).Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (Blank(input.CsmOwnerProperty) is not { } csm)
        {
            return WorkspaceErrors.CsmOwnerPropertyRequired(objectSchema.ObjectType);
        }

        var date = Blank(input.DateProperty);
        var defaultPipeline = Blank(input.DefaultPipelineId);
        if ((CheckProperty(schema, objectSchema, csm, CrmPropertyType.User)
            ?? (date is null ? null : CheckProperty(schema, objectSchema, date, CrmPropertyType.Date))) is { } wrong)
        {
            return wrong;
        }

        if (selected.FirstOrDefault(p => !objectSchema.HasPipeline(p)) is { } unknown)
        {
            return WorkspaceErrors.PipelineNotFound(unknown, objectSchema.ObjectType);
        }

        if (defaultPipeline is not null && !selected.Contains(defaultPipeline, StringComparer.Ordinal))
        {
            return WorkspaceErrors.DefaultPipelineNotSelected(defaultPipeline);
        }

        return new PipelineObjectSettings(csm, date, selected, defaultPipeline, Blank(input.DefaultPageLayoutId));
    }

    private Result<WorkspaceSettings> SetTabShown(Actor actor, AccountContext account, Workspace workspace, WorkspaceSettingsSection section, Func<WorkspaceSettings, WorkspaceSettings> toggle, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(workspace);
        if (Authorize(actor, account, CsOperation.ManageWorkspaceSettings) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        return CommitSettings(workspace.Id, toggle(State.SettingsOf(workspace.Id)), section, actor, now);
    }

    private CsObjectSettings CommitObjects(CsObjectSettings objects, Func<WorkspaceSettings, WorkspaceSettings> adjust, Actor actor, Instant now)
    {
        var settings = State.Settings.ToImmutableSortedDictionary(pair => pair.Key, pair => adjust(pair.Value));
        Commit(State with { Objects = objects, Settings = settings }, new CsObjectsChanged(PortalId, objects, Initiator.User(actor.UserId), now));
        return objects;
    }

    private WorkspaceSettings CommitSettings(WorkspaceId workspaceId, WorkspaceSettings settings, WorkspaceSettingsSection section, Actor actor, Instant now)
    {
        if (settings.Equals(State.SettingsOf(workspaceId)))
        {
            return settings;
        }

        Commit(
            State with { Settings = State.Settings.SetItem(workspaceId, settings) },
            new WorkspaceSettingsChanged(PortalId, workspaceId, section, settings, Initiator.User(actor.UserId), now));
        return settings;
    }
}
