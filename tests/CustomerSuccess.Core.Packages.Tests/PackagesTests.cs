using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CustomerSuccess.Core.Packages.Tests;

/// <summary>What a newcomer gets from the packages: complete metadata, a README that works on a package gallery and
/// names the real dependencies, and quick starts that build and run from the packages alone.</summary>
[Collection(PackedPackagesGroup.Name)]
public sealed partial class PackagesTests(PackedPackagesFixture packed)
{
    private static readonly string[] Expected =
    [
        "CustomerSuccess.Core", "CustomerSuccess.Core.Cli", "CustomerSuccess.Core.DependencyInjection",
        "CustomerSuccess.Core.HealthScores", "CustomerSuccess.Core.Specification", "CustomerSuccess.Core.Stores.EntityFrameworkCore",
        "CustomerSuccess.Core.Stores.InMemory",
        "CustomerSuccess.Core.Testing",
    ];

    [Fact]
    public void EveryPackage_IsPacked()
    {
        Assert.True(packed.PackExitCode == 0, packed.PackOutput);
        Assert.Equal(Expected, packed.Packages.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryNuspec_HasLicenseTagsDescriptionAndReadme()
    {
        Assert.NotEmpty(packed.Packages);
        foreach (PackedPackage package in packed.Packages.Values)
        {
            Assert.Equal("MIT", package.Metadata("license"));
            Assert.Contains("customer-success", package.Metadata("tags") ?? string.Empty, StringComparison.Ordinal);
            Assert.True((package.Metadata("tags") ?? string.Empty).Split(' ').Length >= 6, $"{package.Id}: tags '{package.Metadata("tags")}'");
            Assert.Equal("README.md", package.Metadata("readme"));
            Assert.False(string.IsNullOrWhiteSpace(package.Metadata("description")), package.Id);
            Assert.NotNull(package.Readme);
        }
    }

    [Fact]
    public void EveryPackageReadme_StandsAlone_WithoutLinks()
    {
        // A gallery shows the README without the repository around it, and the library names no outside address:
        // a package README refers to the repository's docs by path, in plain text.
        Assert.NotEmpty(packed.Packages);
        foreach (PackedPackage package in packed.Packages.Values)
        {
            Assert.Empty(Repository.Links(package.Readme!).Select(link => $"{package.Id}: {link}"));
            Assert.DoesNotContain("../", package.Readme!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryPackageReadme_ListsExactlyTheNuspecDependencies()
    {
        Assert.NotEmpty(packed.Packages);
        foreach (PackedPackage package in packed.Packages.Values)
        {
            Dictionary<string, string> listed = ReadmeDependencies(package.Readme!, package.Id);
            IReadOnlyDictionary<string, string> nuspec = package.Dependencies;
            Assert.True(
                listed.Keys.Order(StringComparer.Ordinal).SequenceEqual(nuspec.Keys.Order(StringComparer.Ordinal)),
                $"{package.Id}: the README lists [{string.Join(", ", listed.Keys.Order(StringComparer.Ordinal))}], the nuspec has [{string.Join(", ", nuspec.Keys.Order(StringComparer.Ordinal))}]");
            foreach ((string id, string version) in listed)
            {
                string expected = version == "this release" ? packed.Version : version;
                Assert.True(nuspec[id] == expected, $"{package.Id}: the README says {id} {version}, the nuspec {nuspec[id]}");
            }
        }
    }

    /// <summary>The bullets of the README's "## Dependencies" section: <c>- `Id` 1.2.3 or later</c> or
    /// <c>- `Id` (this release)</c>.</summary>
    private static Dictionary<string, string> ReadmeDependencies(string readme, string id)
    {
        int start = readme.IndexOf("\n## Dependencies", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{id}: the README has no '## Dependencies' section");
        int end = readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        string section = end < 0 ? readme[start..] : readme[start..end];
        var dependencies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in DependencyBullet().Matches(section))
        {
            dependencies.Add(match.Groups["id"].Value, match.Groups["version"].Success ? match.Groups["version"].Value : "this release");
        }

        return dependencies;
    }

    [GeneratedRegex(@"^- `(?<id>[^`]+)`(?: (?<version>\d[\w.\-]*) or later| \(this release\))", RegexOptions.Multiline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DependencyBullet();
}
