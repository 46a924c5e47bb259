using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests.Conformance;

/// <summary>Runs the conformance properties against LINQ to objects (<c>list.AsQueryable()</c>).</summary>
public sealed class AsQueryableSpecificationEvaluatorConformanceTests : SpecificationEvaluatorConformanceTests
{
    protected override IQueryable<SpecRecord> AsQueryable(IReadOnlyList<SpecRecord> data) => data.AsQueryable();
}
