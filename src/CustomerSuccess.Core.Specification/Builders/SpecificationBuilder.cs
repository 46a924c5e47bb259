namespace CustomerSuccess.Core.Specification;

/// <summary>
/// The builder handed out by <see cref="Specification{T}.Query"/> and by the ordering methods.
/// </summary>
/// <typeparam name="T">The type of the entity the specification applies to.</typeparam>
/// <remarks>
/// Instead of Ardalis' thread-static flag, the "chain discarded" state lives in the (cheap, immutable) ordered builder
/// instance returned by each ordering call.
/// </remarks>
internal sealed class SpecificationBuilder<T> : IOrderedSpecificationBuilder<T>
{
    public SpecificationBuilder(Specification<T> specification, bool isChainDiscarded = false)
    {
        Specification = specification;
        IsChainDiscarded = isChainDiscarded;
    }

    public Specification<T> Specification { get; }

    public bool IsChainDiscarded { get; }
}
