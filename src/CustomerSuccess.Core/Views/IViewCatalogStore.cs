namespace CustomerSuccess.Core.Views;

/// <summary>The port that stores view catalogues, one record per workspace tab, with optimistic concurrency (one aggregate per
/// tab by design): the whole catalogue, default order included, is written with one compare-and-set, so the limits of
/// rules 36 and 44 hold under concurrent writers.</summary>
public interface IViewCatalogStore : IAggregateStore<ViewCatalogKey, ViewCatalogState>
{
}
