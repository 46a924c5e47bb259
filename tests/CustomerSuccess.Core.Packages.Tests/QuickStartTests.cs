using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CustomerSuccess.Core.Packages.Tests;

/// <summary>
/// Every C# block of README.md that is a complete program is built and run in a fresh console project that references
/// exactly the packages the README says to add before it (<c>dotnet add package …</c>), restored from the local feed
/// of packed packages only; third-party packages come from the machine's normal package source (or its package
/// cache). A quick start that needs a package the README does not name fails to build here.
/// </summary>
[Collection(PackedPackagesGroup.Name)]
public sealed partial class QuickStartTests(PackedPackagesFixture packed)
{
    public static TheoryData<int> QuickStarts()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < ReadmeQuickStarts().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void TheReadme_HasQuickStarts_EachAfterTheCommandsThatAddItsPackages()
    {
        IReadOnlyList<QuickStart> quickStarts = ReadmeQuickStarts();

        Assert.True(quickStarts.Count >= 2, $"{quickStarts.Count} quick starts found");
        Assert.All(quickStarts, q => Assert.NotEmpty(q.Packages));
    }

    [Theory]
    [MemberData(nameof(QuickStarts))]
    public void QuickStart_BuildsAndRuns_FromThePackedPackages(int index)
    {
        Assert.True(packed.PackExitCode == 0, packed.PackOutput);
        QuickStart quickStart = ReadmeQuickStarts()[index];
        string project = Path.Combine(packed.Root, $"quick-start-{index}");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Program.cs"), quickStart.Code);
        File.WriteAllText(Path.Combine(project, "QuickStart.csproj"), ProjectFile(quickStart.Packages));
        File.WriteAllText(Path.Combine(project, "nuget.config"), NuGetConfig());

        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(packed.Root, "packages") };
        (int built, string buildOutput) = Repository.Run(project, "dotnet", ["build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false"], environment);
        Assert.True(built == 0, $"README.md line {quickStart.Line}: the quick start does not build with the packages {string.Join(", ", quickStart.Packages)}:\n{buildOutput}");

        (int ran, string runOutput) = Repository.Run(project, "dotnet", ["run", "-c", "Release", "--no-build"], environment, TimeSpan.FromMinutes(2));
        Assert.True(ran == 0, $"README.md line {quickStart.Line}: the quick start failed when run:\n{runOutput}");
    }

    private string ProjectFile(IEnumerable<string> packages)
    {
        string references = string.Join(
            "\n",
            packages.Select(p => $"    <PackageReference Include=\"{p}\" Version=\"{(p.StartsWith("CustomerSuccess.", StringComparison.Ordinal) ? packed.Version : ThirdPartyVersion(p))}\" />"));
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """;
    }

    /// <summary>The local feed for our packages only; everything else from the machine's normal source, looked up in
    /// the machine's package cache first.</summary>
    private string NuGetConfig()
    {
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packed.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local">
                  <package pattern="CustomerSuccess.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
              <fallbackPackageFolders>
                <add key="machine" value="{cache}" />
              </fallbackPackageFolders>
            </configuration>
            """;
    }

    /// <summary>The version the repository itself uses (Directory.Packages.props), so the machine's cache has it.</summary>
    private static string ThirdPartyVersion(string id)
    {
        string props = File.ReadAllText(Path.Combine(Repository.Root, "Directory.Packages.props"));
        Match match = Regex.Match(props, $"<PackageVersion Include=\"{Regex.Escape(id)}\" Version=\"(?<v>[^\"]+)\"", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        Assert.True(match.Success, $"the README names {id}, which Directory.Packages.props does not pin");
        return match.Groups["v"].Value;
    }

    /// <summary>The README's complete programs (C# blocks that start with using directives) and, for each, the
    /// packages of the closest <c>dotnet add package</c> block above it.</summary>
    private static IReadOnlyList<QuickStart> ReadmeQuickStarts()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var shellBlocks = Repository.Blocks(readme, "bash").Concat(Repository.Blocks(readme, "shell")).ToList();
        var quickStarts = new List<QuickStart>();
        foreach ((int line, string code) in Repository.Blocks(readme, "csharp"))
        {
            if (!code.TrimStart().StartsWith("using ", StringComparison.Ordinal))
            {
                continue;
            }

            string[] packages = [.. shellBlocks.Where(b => b.Line < line).OrderByDescending(b => b.Line)
                .Select(b => AddPackage().Matches(b.Code).Select(m => m.Groups["id"].Value).ToArray())
                .FirstOrDefault(ids => ids.Length > 0) ?? []];
            quickStarts.Add(new QuickStart(line, code, packages));
        }

        return quickStarts;
    }

    private sealed record QuickStart(int Line, string Code, string[] Packages);

    [GeneratedRegex(@"dotnet add package (?<id>[\w.]+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AddPackage();
}
