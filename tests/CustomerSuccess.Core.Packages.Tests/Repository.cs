using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CustomerSuccess.Core.Packages.Tests;

/// <summary>The repository this test runs in, and its markdown.</summary>
internal static partial class Repository
{
    public static readonly string Root = FindRoot();

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>Every fenced block of a language in a markdown file, with the line it starts on.</summary>
    public static IReadOnlyList<(int Line, string Code)> Blocks(string markdown, string language)
    {
        var blocks = new List<(int, string)>();
        string[] lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() == "```" + language)
            {
                int start = i + 1;
                int end = start;
                while (end < lines.Length && lines[end].Trim() != "```")
                {
                    end++;
                }

                blocks.Add((start + 1, string.Join('\n', lines[start..end])));
                i = end;
            }
        }

        return blocks;
    }

    /// <summary>Markdown links, except anchors within the page.</summary>
    public static IEnumerable<string> Links(string markdown) =>
        MarkdownLink().Matches(markdown).Select(m => m.Groups["target"].Value).Where(t => !t.StartsWith('#'));

    /// <summary>Runs a command to its end; returns the exit code and the merged output.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, string file, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A nested build must not inherit the settings of the `dotnet test` that runs this test.
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach ((string key, string? value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using Process process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output + "\n(timed out)");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CustomerSuccess.Core.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CustomerSuccess.Core.sln was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MarkdownLink();
}
