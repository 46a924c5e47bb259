using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using CustomerSuccess.Core.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerSuccess.Core.Cli.Tests;

/// <summary>What one run of the tool produced: its exit code and what it wrote to each stream.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}

/// <summary>Runs cs-core in process, with stdout and stderr captured separately (redirected, as in a pipe) and the
/// clock fixed at 2026-11-25T12:00Z.</summary>
public static class Cli
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 12, 0);

    public static async Task<CliResult> RunAsync(params string[] args) => await RunAsync(null, args);

    public static async Task<CliResult> RunAsync(Action<IServiceCollection>? services, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, outputIsTerminal: false, errorIsTerminal: false);
        int code = await CliApplication.RunAsync(args, console, s =>
        {
            s.AddSingleton<IClock>(new FakeClock(Now));
            services?.Invoke(s);
        });
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

/// <summary>A temporary folder for one test's files, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cs-core-tests", Guid.NewGuid().ToString("N"));

    public string File(string name, string content)
    {
        string path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public string Bytes(string name, byte[] content)
    {
        string path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public string Name(string name) => System.IO.Path.Combine(Path, name);

    public IEnumerable<string> Files() => Directory.EnumerateFiles(Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

/// <summary>Definitions used by the CLI tests.</summary>
public static class Definitions
{
    /// <summary>60 points when n ≥ 50, 40 points when plan is "pro"; thresholds 40/70.</summary>
    public const string NumberAndText = """
        {
          "schema": "customersuccess.health-score/v1",
          "name": "Test score",
          "objectType": "companies",
          "groups": [
            { "name": "Usage", "kind": "property", "maxPoints": 60, "criteria": [
              { "kind": "property", "name": "High usage", "points": 60, "conditions": [ { "kind": "number", "property": "n", "operator": "greaterThanOrEqual", "value": 50 } ] } ] },
            { "name": "Plan", "kind": "property", "maxPoints": 40, "criteria": [
              { "kind": "property", "name": "Pro plan", "points": 40, "conditions": [ { "kind": "text", "property": "plan", "operator": "is", "values": [ "pro" ] } ] } ] }
          ]
        }
        """;

    /// <summary>One property read as a number in one criterion and as text in another: the library accepts it, a
    /// CSV column cannot be both.</summary>
    public const string ConflictingTypes = """
        {
          "schema": "customersuccess.health-score/v1",
          "name": "Conflict",
          "objectType": "companies",
          "groups": [
            { "name": "A", "kind": "property", "maxPoints": 50, "criteria": [
              { "kind": "property", "name": "Number", "points": 50, "conditions": [ { "kind": "number", "property": "n", "operator": "greaterThan", "value": 1 } ] } ] },
            { "name": "B", "kind": "property", "maxPoints": 50, "criteria": [
              { "kind": "property", "name": "Text", "points": 50, "conditions": [ { "kind": "text", "property": "n", "operator": "is", "values": [ "x" ] } ] } ] }
          ]
        }
        """;

    /// <summary>An event group (meetings in 30 days) and a property group.</summary>
    public const string WithEvents = """
        {
          "schema": "customersuccess.health-score/v1",
          "name": "Engagement",
          "objectType": "companies",
          "groups": [
            { "name": "Meetings", "kind": "event", "maxPoints": 50, "criteria": [
              { "kind": "event", "name": "Connected call in 30 days", "points": 50, "eventType": "call",
                "eventConditions": [ { "kind": "text", "property": "outcome", "operator": "is", "values": [ "connected" ] } ],
                "windowDays": 30, "countOperator": "atLeast", "count": 1 } ] },
            { "name": "Usage", "kind": "property", "maxPoints": 50, "criteria": [
              { "kind": "property", "name": "High usage", "points": 50, "conditions": [ { "kind": "number", "property": "n", "operator": "greaterThanOrEqual", "value": 50 } ] } ] }
          ]
        }
        """;
}
