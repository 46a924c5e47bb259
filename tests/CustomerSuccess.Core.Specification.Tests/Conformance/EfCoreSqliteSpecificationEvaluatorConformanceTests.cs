using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Specification.Tests.Support;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerSuccess.Core.Specification.Tests.Conformance;

/// <summary>
/// Runs the conformance properties against EF Core + in-memory SQLite (one open connection per test class instance),
/// proving that every generated specification translates to SQL and returns what the in-memory evaluator returns.
/// </summary>
public sealed class EfCoreSqliteSpecificationEvaluatorConformanceTests : SpecificationEvaluatorConformanceTests, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SpecDbContext _context;

    public EfCoreSqliteSpecificationEvaluatorConformanceTests()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        _context = new SpecDbContext(new DbContextOptionsBuilder<SpecDbContext>().UseSqlite(_connection).Options);
        _context.Database.EnsureCreated();
    }

    /// <summary>SQL has no defined order for unordered results.</summary>
    protected override bool PreservesSourceOrder => false;

    protected override IQueryable<SpecRecord> AsQueryable(IReadOnlyList<SpecRecord> data)
    {
        _context.ChangeTracker.Clear();
        _context.Records.ExecuteDelete();
        _context.Records.AddRange(data);
        _context.SaveChanges();
        _context.ChangeTracker.Clear();
        return _context.Records.AsNoTracking();
    }

    [Property(MaxTest = 100)]
    public override Property Evaluate_RandomSpecificationAndData_EqualsQueryableEvaluation()
        => base.Evaluate_RandomSpecificationAndData_EqualsQueryableEvaluation();

    [Property(MaxTest = 100)]
    public override Property IsSatisfiedBy_RandomSpecificationAndData_AgreesWithCriteriaOnlyEvaluation()
        => base.IsSatisfiedBy_RandomSpecificationAndData_AgreesWithCriteriaOnlyEvaluation();

    [Property(MaxTest = 100)]
    public override Property GetQuery_CriteriaOnly_IgnoresOrderingAndPaging()
        => base.GetQuery_CriteriaOnly_IgnoresOrderingAndPaging();

    [Fact]
    public void WithSpecification_TypicalSpec_TranslatesToSingleSqlStatement()
    {
        long fromInclusive = 10;
        long toExclusive = 20;
        List<int> ids = [1, 2, 3];
        var spec = new Specification<SpecRecord>();
        spec.Query.Where(x => x.OccurredAt >= fromInclusive && x.OccurredAt < toExclusive)
            .Where(x => ids.Contains(x.Id))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id)
            .Skip(1).Take(2);

        var sql = _context.Records.WithSpecification(spec).ToQueryString();

        Assert.Contains("WHERE", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY \"r\".\"Score\" DESC, \"r\".\"Id\"", sql, StringComparison.Ordinal);
        Assert.Contains("LIMIT", sql, StringComparison.Ordinal);
        Assert.Contains("OFFSET", sql, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _context.Dispose();
        _connection.Dispose();
    }

    private sealed class SpecDbContext(DbContextOptions<SpecDbContext> options) : DbContext(options)
    {
        public DbSet<SpecRecord> Records => Set<SpecRecord>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            var record = modelBuilder.Entity<SpecRecord>();
            record.HasKey(x => x.Id);
            record.Property(x => x.Id).ValueGeneratedNever();
        }
    }
}
