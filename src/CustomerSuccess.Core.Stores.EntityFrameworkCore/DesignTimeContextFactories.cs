using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteCustomerSuccessDbContext</c> build the model without an
/// application; never used at run time.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCustomerSuccessDbContext>
{
    public SqliteCustomerSuccessDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCustomerSuccessDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgreSqlCustomerSuccessDbContext</c> build the model without a
/// server; never used at run time.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlCustomerSuccessDbContext>
{
    public PostgreSqlCustomerSuccessDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCustomerSuccessDbContext>().UseNpgsql("Host=localhost;Database=design_time", o => o.UseNodaTime()).Options);
}
