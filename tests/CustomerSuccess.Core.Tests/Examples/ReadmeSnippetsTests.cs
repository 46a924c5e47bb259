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

/// <summary>The README's C# examples, taken from the README itself, compiled as programs of a new console project (implicit
/// usings on) against the library and the packages the README names, and run: if the API changes or an example is
/// edited into something that does not compile, this fails.</summary>
public sealed partial class ReadmeSnippetsTests
{
    public static TheoryData<int> Snippets()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < ReadSnippets().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

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
    public async Task ReadmeSnippet_CompilesAgainstThePackagesAndRuns(int index)
    {
        var source = ReadSnippets()[index];
        var compilation = CSharpCompilation.Create(
            $"ReadmeSnippet{index}",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)), CSharpSyntaxTree.ParseText(ImplicitUsings)],
            References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(emitted.Success, $"README snippet {index} does not compile:\n{string.Join("\n", errors)}\n---\n{source}");

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

    private static List<string> ReadSnippets()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        return [.. CSharpBlock().Matches(readme).Select(m => m.Groups["code"].Value)];
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
