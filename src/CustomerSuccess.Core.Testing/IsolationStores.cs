using System;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;

namespace CustomerSuccess.Core.Testing;

/// <summary>A fresh, empty set of stores for one run of <see cref="TenantIsolationConformance"/>.</summary>
/// <param name="WorkspaceDirectories">The workspace directory store.</param>
/// <param name="WorkspaceConfigurations">The workspace configuration store.</param>
/// <param name="ViewCatalogs">The view catalogue store.</param>
/// <param name="HealthScoreCatalogs">The health-score catalogue store.</param>
/// <param name="Records">The record query over the store's records.</param>
/// <param name="UpsertRecordAsync">Adds or replaces a record in the store behind <paramref name="Records"/>.</param>
public sealed record IsolationStores(
    IWorkspaceDirectoryStore WorkspaceDirectories,
    IWorkspaceConfigurationStore WorkspaceConfigurations,
    IViewCatalogStore ViewCatalogs,
    IHealthScoreCatalogStore HealthScoreCatalogs,
    IRecordQuery Records,
    Func<CrmRecord, CancellationToken, Task> UpsertRecordAsync);
