using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CustomerSuccess.Core.Tests.Examples;

/// <summary>The README's C# examples (and those of the guides that show whole programs, such as docs/tasks.md), taken from
/// the files themselves, compiled as programs of a new console project (implicit usings on) against the library and the
/// packages the README names, and run: if the API changes or an example is edited into something that does not compile,
/// this fails.</summary>
public sealed partial class ReadmeSnippetsTests
{
    /// <summary>The guides (besides the README) whose <c>csharp</c> blocks are whole programs.</summary>
    private static readonly string[] Guides = ["tasks.md"];

    public static TheoryData<int> Snippets()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < ReadSnippets("README.md").Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    public static TheoryData<string, int> GuideSnippets()
    {
        var data = new TheoryData<string, int>();
        foreach (var document in Guides)
        {
            for (var i = 0; i < ReadSnippets(document).Count; i++)
            {
                data.Add(document, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GuideSnippets))]
    [Trait("Rule", "55")]
    [Trait("Rule", "60")]
    public Task GuideSnippet_CompilesAgainstThePackagesAndRuns(string document, int index) => CompileAndRunAsync(document, index);

    [Fact]
    public void Readme_HasTheQuickStartAndTheScoringExample()
    {
        var snippets = ReadSnippets();
        Assert.True(snippets.Count >= 2, $"{snippets.Count} C# blocks in README.md");
        Assert.Contains(snippets, s => s.Contains("AddCustomerSuccess()", StringComparison.Ordinal) && s.Contains("AddInMemoryStores()", StringComparison.Ordinal));
        Assert.Contains(snippets, s => s.Contains("HealthScoreCompiler.Compile", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    [Trait("Rule", "26")]
    [Trait("Rule", "29")]
    public Task ReadmeSnippet_CompilesAgainstThePackagesAndRuns(int index) => CompileAndRunAsync("README.md", index);

    private static async Task CompileAndRunAsync(string document, int index)
    {
        var source = ReadSnippets(document)[index];
        var compilation = CSharpCompilation.Create(
            $"ReadmeSnippet{index}",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)), CSharpSyntaxTree.ParseText(ImplicitUsings)],
            References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(emitted.Success, $"{document} snippet {index} does not compile:\n{string.Join("\n", errors)}\n---\n{source}");

        var assembly = Assembly.Load(image.ToArray());
        var entry = assembly.EntryPoint!;
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            var returned = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            if (returned is Task task)
            {
                await task;
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.False(string.IsNullOrWhiteSpace(output.ToString()), "the example should print what it did");
    }

    /// <summary>The global usings a new console project has (<c>dotnet new console</c> turns implicit usings on).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static List<string> ReadSnippets(string document = "README.md")
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, document));
        return [.. CSharpBlock().Matches(text).Select(m => m.Groups["code"].Value)];
    }

    private static IEnumerable<MetadataReference> References()
    {
        // The framework, plus the library's packages and the DI container the README names.
        _ = typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection);
        _ = typeof(Microsoft.Extensions.DependencyInjection.InMemoryStoresBuilderExtensions);
        _ = typeof(HealthScores.HealthScoreDefinition);
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f).StartsWith("CustomerSuccess.Core", StringComparison.Ordinal) && !f.Contains(".Tests", StringComparison.Ordinal)
                || Path.GetFileName(f).StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal)
                || Path.GetFileName(f).StartsWith("NodaTime", StringComparison.Ordinal));
        return trusted.Concat(local).Distinct(StringComparer.OrdinalIgnoreCase).Select(p => MetadataReference.CreateFromFile(p));
    }

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
