using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Core.Specification;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore.Tests;

public sealed class RepositoryBaseTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public sealed class Account
    {
        public int Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public int Score { get; set; }
    }

    public sealed record AccountName(int Id, string Name);

    private sealed class AccountsContext(DbContextOptions<AccountsContext> options) : DbContext(options)
    {
        public DbSet<Account> Accounts => Set<Account>();
    }

    private sealed class AccountRepository(DbContext db) : RepositoryBase<Account>(db);

    private sealed class HighScoresSpec : Specification<Account>
    {
        public HighScoresSpec(int take) => Query.Where(a => a.Score >= 5).OrderByDescending(a => a.Score).ThenBy(a => a.Id).Take(take);
    }

    private sealed class NamesSpec : Specification<Account, AccountName>
    {
        public NamesSpec()
        {
            Query.Where(a => a.Score >= 5).OrderBy(a => a.Name);
            Query.Select(a => new AccountName(a.Id, a.Name));
        }
    }

    private async Task<AccountRepository> RepositoryAsync()
    {
        await _connection.OpenAsync();
        var context = new AccountsContext(new DbContextOptionsBuilder<AccountsContext>().UseSqlite(_connection).Options);
        await context.Database.EnsureCreatedAsync();
        var repository = new AccountRepository(context);
        await repository.AddRangeAsync(Enumerable.Range(1, 10).Select(i => new Account { Id = i, Name = $"a{i:00}", Score = i }));
        context.ChangeTracker.Clear();
        return repository;
    }

    [Fact]
    public async Task Count_AppliesFiltersOnly_ListAppliesOrderAndPaging()
    {
        var repository = await RepositoryAsync();

        Assert.Equal(6, await repository.CountAsync(new HighScoresSpec(take: 2)));
        Assert.True(await repository.AnyAsync(new HighScoresSpec(take: 0)));
        Assert.Equal([10, 9], (await repository.ListAsync(new HighScoresSpec(take: 2))).Select(a => a.Id));
        Assert.Equal(10, (await repository.FirstOrDefaultAsync(new HighScoresSpec(take: 2)))!.Id);
    }

    [Fact]
    public async Task WritesReturnRowCounts_DeleteRangeBySpecification()
    {
        var repository = await RepositoryAsync();
        var one = (await repository.GetByIdAsync(3))!;
        one.Name = "renamed";

        Assert.Equal(1, await repository.UpdateAsync(one));
        var highScores = new Specification<Account>();
        highScores.Query.Where(a => a.Score >= 5);
        Assert.Equal(6, await repository.DeleteRangeAsync(highScores));   // one DELETE … WHERE
        Assert.Equal(4, await repository.CountAsync());
        Assert.Equal(2, await repository.DeleteRangeAsync(Paged()));      // a page: loaded, then removed
        Assert.Equal(1, await repository.DeleteAsync((await repository.GetByIdAsync(3))!));
        Assert.Equal(1, await repository.CountAsync());
    }

    [Fact]
    public async Task ListOfProjection_ReadsTheSelectedColumns()
    {
        var repository = await RepositoryAsync();

        var names = await repository.ListAsync(new NamesSpec());

        Assert.Equal(Enumerable.Range(5, 6).Select(i => new AccountName(i, $"a{i:00}")), names);
        Assert.Equal(new AccountName(5, "a05"), await repository.FirstOrDefaultAsync(new NamesSpec()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    private static Specification<Account> Paged()
    {
        var spec = new Specification<Account>();
        spec.Query.OrderBy(a => a.Id).Take(2);
        return spec;
    }
}
