using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CustomerSuccess.Core.Packages.Tests;

/// <summary>
/// Compiles every C# snippet of docs/ (Roslyn, in process, against the built assemblies) so that the docs cannot rot.
/// A snippet is compiled as a program (its statements as top-level statements, its types after them); the names a snippet takes
/// from its surroundings (a <c>clock</c>, a <c>db</c>, an <c>Account</c> entity…) are declared in its context below,
/// keyed by file and snippet number. Only errors fail; a snippet that shows part of a class on purpose lists the
/// diagnostics it is allowed.
/// </summary>
public sealed class DocsSnippetTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using CustomerSuccess.Core;
        using CustomerSuccess.Core.Access;
        using CustomerSuccess.Core.Crm;
        using CustomerSuccess.Core.Filters;
        using CustomerSuccess.Core.Records;
        using CustomerSuccess.Core.Scores;
        using CustomerSuccess.Core.Specification;
        using CustomerSuccess.Core.Views;
        using CustomerSuccess.Core.Workspaces;
        using CustomerSuccess.Core.HealthScores;
        using CustomerSuccess.Core.HealthScores.Activity;
        using CustomerSuccess.Core.HealthScores.Engine;
        using CustomerSuccess.Core.HealthScores.Explanations;
        using CustomerSuccess.Core.HealthScores.Serialization;
        using CustomerSuccess.Core.HealthScores.Snapshots;
        using CustomerSuccess.Core.HealthScores.Statistics;
        using CustomerSuccess.Core.HealthScores.Validation;
        using Microsoft.EntityFrameworkCore;
        using NodaTime;

        """;

    private const string AccountTypes = """
        public sealed record AccountId(long Value);
        public sealed class Account
        {
            public AccountId Id { get; set; } = new(0);
            public bool IsActive { get; set; }
            public Instant RenewalAt { get; set; }
            public string OwnerId { get; set; } = "";
            public string Name { get; set; } = "";
            public int HealthScore { get; set; }
        }
        public sealed class CustomerSuccessDbContext : DbContext
        {
            public DbSet<Account> Accounts => Set<Account>();
        }

        """;

    private const string AccountsAndDb = AccountTypes + """
        IClock clock = null!;
        CustomerSuccessDbContext db = null!;
        Specification<Account> spec = null!;

        """;

    /// <summary>The other part of the store class docs/stores.md shows: its SQL helpers (here without SQL) and its
    /// DeleteAsync.</summary>
    private const string AcmeStoreParts = """
        public partial class AcmeAggregateStore<TKey, TState>
        {
            private sealed record Row(long Version, byte[] Document);
            private Task<Row?> ReadRowAsync(string type, string key, CancellationToken ct) => Task.FromResult<Row?>(null);
            private Task<System.Data.Common.DbTransaction> BeginAsync(CancellationToken ct) => throw new NotSupportedException();
            private Task<VersionToken?> ConditionalWriteAsync(System.Data.Common.DbTransaction transaction, TKey key, byte[] document, VersionToken expected, CancellationToken ct) => Task.FromResult<VersionToken?>(null);
            private Task InsertOutboxAsync(System.Data.Common.DbTransaction transaction, PortalId portal, string type, byte[] payload, CancellationToken ct) => Task.CompletedTask;
            public Task<Result> DeleteAsync(TKey key, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken ct = default) => throw new NotSupportedException();
        }

        """;

    /// <summary>The test database and the other stores docs/stores.md's kit classes name.</summary>
    private const string AcmeStores = """
        public static class AcmeTestDatabase
        {
            public static Task<Func<System.Data.Common.DbConnection>> CreateAsync() => Task.FromResult<Func<System.Data.Common.DbConnection>>(() => throw new NotSupportedException());
            public static Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(object store) => Task.FromResult<IReadOnlyList<IDomainEvent>>([]);
        }
        public sealed class AcmeWorkspaceDirectoryStore(Func<System.Data.Common.DbConnection> connect)
            : CustomerSuccess.Core.Stores.InMemory.InMemoryAggregateStore<PortalId, WorkspaceDirectoryState>, IWorkspaceDirectoryStore;
        public sealed class AcmeViewCatalogStore(Func<System.Data.Common.DbConnection> connect)
            : CustomerSuccess.Core.Stores.InMemory.InMemoryAggregateStore<ViewCatalogKey, ViewCatalogState>, IViewCatalogStore;
        public sealed class AcmeRecordStore(Func<System.Data.Common.DbConnection> connect) : IRecordQuery
        {
            private readonly CustomerSuccess.Core.Stores.InMemory.InMemoryRecordQuery _inner = new();
            public Task UpsertAsync(IReadOnlyCollection<CrmRecord> records, CancellationToken ct = default) => _inner.UpsertAsync(records, ct);
            public Task<RecordPage> QueryAsync(RecordQuery query, CancellationToken cancellationToken = default) => _inner.QueryAsync(query, cancellationToken);
        }

        """;

    /// <summary>What a snippet takes from its surroundings, and the diagnostics it may raise: file, snippet number
    /// (0-based) and, for a package README, its folder → context (usings, statements and types, in any order).</summary>
    private static readonly Dictionary<(string File, int Index, string Folder), (string Context, string[] Allowed)> Contexts = new()
    {
        [("health-score-json.md", 0, "")] = ("HealthScoreDefinition definition = null!;\n", []),
        [("health-score-lifecycle.md", 0, "")] = (string.Empty, []),
        // Recording a run: the compiled version, the snapshot and its inputs come from the scoring set-up before it.
        [("alerts-and-history.md", 0, "")] = (
            "using CustomerSuccess.Core.HealthScores.History;\n"
            + "CompiledHealthScore compiled = null!;\nPortfolioSnapshot snapshot = null!;\nActivityCounts counts = null!;\n"
            + "LocalDate asOf = default;\nInstant scoredAt = default;\nlong[] accountIds = [];\n"
            + "System.Collections.Immutable.ImmutableArray<long> ownerIds = [0];\nvar history = new ScoreHistory();\n",
            []),
        // The kit's README shows a store author's class; MyStore stands for their store.
        [("README.md", 0, "CustomerSuccess.Core.Testing")] = (
            "public sealed class MyStore : CustomerSuccess.Core.Stores.InMemory.InMemoryAggregateStore<PortalId, CustomerSuccess.Core.Workspaces.WorkspaceDirectoryState>\n"
            + "{\n    public static Task<MyStore> CreateOnFreshDatabaseAsync() => Task.FromResult(new MyStore());\n"
            + "    public Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync() => Task.FromResult(Outbox);\n}\n",
            []),
        // A task store author's test class; AcmeTaskStore stands for their store.
        [("stores.md", 1, "")] = ("""
            using CustomerSuccess.Core.Tasks;
            using CustomerSuccess.Core.Testing;
            public sealed class AcmeTaskStore : ITaskStore, ITaskQuery
            {
                public static Task<AcmeTaskStore> CreateEmptyAsync() => Task.FromResult(new AcmeTaskStore());
                public Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync() => throw new NotImplementedException();
                public Task<TaskId> NextIdAsync(PortalId portalId, CancellationToken cancellationToken = default) => throw new NotImplementedException();
                public Task<Versioned<TaskState>?> LoadAsync(TaskKey key, CancellationToken cancellationToken = default) => throw new NotImplementedException();
                public Task<Result<VersionToken>> SaveAsync(TaskKey key, TaskState state, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default) => throw new NotImplementedException();
                public Task<Result> DeleteAsync(TaskKey key, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default) => throw new NotImplementedException();
                public Task<TaskPage> QueryAsync(TaskQuery query, CancellationToken cancellationToken = default) => throw new NotImplementedException();
                public Task<int> CountAsync(PortalId portalId, ISpecification<TaskState> specification, CancellationToken cancellationToken = default) => throw new NotImplementedException();
            }

            """, []),
        [("specifications.md", 0, "")] = (AccountTypes, []),
        [("specifications.md", 1, "")] = (AccountTypes + "IClock clock = null!;\npublic sealed class AccountsRenewingBetweenSpec(Instant from, Instant to) : Specification<Account>;\n", []),
        [("specifications.md", 2, "")] = ("using CustomerSuccess.Core.Stores.EntityFrameworkCore;\n" + AccountTypes, []),
        // The repository shows its members up to "// ...": the rest of the interface is deliberately left out.
        [("specifications.md", 3, "")] = (AccountTypes, ["CS0535"]),
        [("specifications.md", 4, "")] = (AccountsAndDb + "public sealed record AccountRow(AccountId Id, string Name);\nIReadRepositoryBase<Account> repository = null!;\nCancellationToken ct = default;\n", []),
        [("specifications.md", 5, "")] = (AccountsAndDb, []),
        [("stores.md", 0, "")] = (string.Empty, []),
        [("stores.md", 2, "")] = (AcmeStoreParts, []),
        [("stores.md", 3, "")] = (AcmeStores, []),
        [("stores.md", 4, "")] = ("using Microsoft.Extensions.DependencyInjection;\nusing CustomerSuccess.Core.Stores.EntityFrameworkCore;\nvar services = new ServiceCollection();\nvar app = new { Services = (IServiceProvider)null! };\nServiceContext serviceContext = null!;\n", []),
        [("README.md", 0, "CustomerSuccess.Core.Stores.EntityFrameworkCore")] = ("using Microsoft.Extensions.DependencyInjection;\nusing CustomerSuccess.Core.Stores.EntityFrameworkCore;\nvar services = new ServiceCollection();\nIServiceProvider provider = null!;\n", []),
        [("README.md", 1, "CustomerSuccess.Core.Stores.EntityFrameworkCore")] = ("using CustomerSuccess.Core.Stores.EntityFrameworkCore;\nusing CustomerSuccess.Core.Tasks;\nInstant now = default;\nDateTimeZone zone = DateTimeZone.Utc;\nUserId me = UserId.From(7);\nServiceContext context = null!;\nIReadOnlyList<CrmRecord> records = [];\nPortalId portal = PortalId.From(1);\nSpecification<CrmRecord> spec = null!;\n", []),
        [("0004-generated-typed-ids.md", 0, "")] = ("sealed class TypedIdAttribute : Attribute;\n", []),
        [("README.md", 0, "CustomerSuccess.Core")] = ("IWorkspaceDirectoryStore store = null!;\nIClock clock = null!;\n", []),
        [("README.md", 0, "CustomerSuccess.Core.Specification")] = (AccountTypes, []),
        [("README.md", 1, "CustomerSuccess.Core.Specification")] = (AccountsAndDb + """
            Instant from = default, to = default;
            List<Account> accounts = [];
            Account account = new();
            CancellationToken ct = default;
            public sealed class AccountsRenewingBetweenSpec(Instant from, Instant to) : Specification<Account>;

            """, []),
        [("README.md", 0, "CustomerSuccess.Core.DependencyInjection")] = ("using Microsoft.Extensions.DependencyInjection;\nvar services = new ServiceCollection();\n", []),
        [("README.md", 1, "CustomerSuccess.Core.Stores.InMemory")] = ("using Xunit;\nvar store = new CustomerSuccess.Core.Stores.InMemory.InMemoryWorkspaceDirectoryStore();\n", []),
        [("README.md", 1, "CustomerSuccess.Core.HealthScores")] = ("int n = 10;\nScoreVersion version = null!;\nActivityCounts? eventCounts = null;\nLocalDate asOf = default;\nint account = 0;\n", []),
    };

    public static TheoryData<string, int> Snippets()
    {
        var data = new TheoryData<string, int>();
        foreach (string file in DocsFiles())
        {
            int count = Repository.Blocks(File.ReadAllText(file), "csharp").Count;
            for (int i = 0; i < count; i++)
            {
                data.Add(Path.GetRelativePath(Repository.Root, file), i);
            }
        }

        return data;
    }

    [Fact]
    public void TheDocs_HaveSnippets()
    {
        Assert.True(Snippets().Count >= 8, $"{Snippets().Count} snippets found under docs/");
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_Compiles(string file, int index)
    {
        (int line, string code) = Repository.Blocks(File.ReadAllText(Path.Combine(Repository.Root, file)), "csharp")[index];
        // docs/ files are named by file; package READMEs by file and package folder.
        string folder = file.StartsWith("src", StringComparison.Ordinal) ? Path.GetFileName(Path.GetDirectoryName(file)!) : string.Empty;
        (string context, string[] allowed) = Contexts.TryGetValue((Path.GetFileName(file), index, folder), out var found) ? found : (string.Empty, []);

        // Compiled as a program: using directives first, then every statement (the context's, then the snippet's) as
        // top-level statements, then every type declaration.
        (string[] usings, string statements, string types) = Split(code);
        (string[] contextUsings, string contextStatements, string contextTypes) = Split(context);
        string source = Usings + string.Join('\n', usings.Concat(contextUsings)) + "\n" + contextStatements + statements + "\n" + types + "\n" + contextTypes;
        bool program = (contextStatements + statements).Trim().Length > 0;

        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: file);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "snippet",
            [tree],
            References.Value,
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        Diagnostic[] errors = [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !allowed.Contains(d.Id))];
        Assert.True(errors.Length == 0, $"{file}, the C# block starting at line {line}, does not compile:\n{string.Join("\n", errors.Select(e => e.ToString()))}\n--- compiled as ---\n{source}");
    }

    /// <summary>Splits C# text into its using directives, its statements and its type declarations.</summary>
    private static (string[] Usings, string Statements, string Types) Split(string code)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        string[] usings = [.. root.Usings.Select(u => u.ToFullString().Trim())];
        string statements = string.Concat(root.Members.OfType<GlobalStatementSyntax>().Select(m => m.ToFullString()));
        string types = string.Concat(root.Members.Where(m => m is not GlobalStatementSyntax).Select(m => m.ToFullString()));
        return (usings, statements, types);
    }

    /// <summary>docs/ and the package READMEs (what a package gallery shows).</summary>
    private static IEnumerable<string> DocsFiles() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "README.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0 && !p.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))]);
}
