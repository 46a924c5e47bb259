namespace CustomerSuccess.Core;

/// <summary>Something that belongs to exactly one portal (tenant): every aggregate state, record and key.</summary>
/// <remarks>Tenant scoping is explicit in every port and every state, never ambient: a store, a query or an aggregate
/// can always tell which portal a thing belongs to, and the library answers a thing of another portal exactly like a
/// thing that does not exist.</remarks>
public interface IPortalScoped
{
    /// <summary>Gets the portal the thing belongs to.</summary>
    PortalId PortalId { get; }
}
