using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace CustomerSuccess.Core.Packages.Tests;

/// <summary>The tests that share one packing.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackagesGroup : ICollectionFixture<PackedPackagesFixture>
{
    public const string Name = "Packed packages";
}

/// <summary>Packs every package of the solution once, into a temporary local feed, with a version of its own so that
/// no package cache can hold an older build of it.</summary>
public sealed class PackedPackagesFixture : IDisposable
{
    public PackedPackagesFixture()
    {
        Directory.CreateDirectory(Feed);
        (int exitCode, string output) = Repository.Run(
            Repository.Root,
            "dotnet",
            ["pack", "CustomerSuccess.Core.sln", "-c", Repository.Configuration, "--no-build", "-o", Feed, $"-p:Version={Version}", "-nodeReuse:false"]);
        PackOutput = output;
        PackExitCode = exitCode;
        foreach (string package in Directory.EnumerateFiles(Feed, "*.nupkg"))
        {
            using ZipArchive zip = ZipFile.OpenRead(package);
            ZipArchiveEntry nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using Stream stream = nuspec.Open();
            XDocument document = XDocument.Load(stream);
            string id = document.Descendants().Single(e => e.Name.LocalName == "id").Value;
            ZipArchiveEntry? readme = zip.GetEntry("README.md");
            string? readmeText = null;
            if (readme is not null)
            {
                using var reader = new StreamReader(readme.Open());
                readmeText = reader.ReadToEnd();
            }

            Packages[id] = new PackedPackage(id, document, readmeText);
        }
    }

    /// <summary>A version no cache has seen: 0.0.0-local.{random}.</summary>
    public string Version { get; } = "0.0.0-local.t" + Guid.NewGuid().ToString("N")[..12];

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "cs-core-packages", Guid.NewGuid().ToString("N"));

    public string Feed => Path.Combine(Root, "feed");

    public int PackExitCode { get; }

    public string PackOutput { get; }

    public Dictionary<string, PackedPackage> Packages { get; } = new(StringComparer.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

/// <summary>One packed package: its nuspec and the README inside it.</summary>
public sealed record PackedPackage(string Id, XDocument Nuspec, string? Readme)
{
    public string? Metadata(string name) => Nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    public XElement? Element(string name) => Nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>The dependencies of the package's framework group: id → version.</summary>
    public IReadOnlyDictionary<string, string> Dependencies =>
        Nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value, StringComparer.Ordinal);
}
