using System;
using System.ComponentModel;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Cli.Infrastructure;
using CustomerSuccess.Core.Cli.Output;
using CustomerSuccess.Core.HealthScores.Serialization;
using CustomerSuccess.Core.HealthScores.Templates;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerSuccess.Core.Cli.Commands;

/// <summary><c>cs-core template</c>: write a definition to start from.</summary>
internal sealed class TemplateCommand(CliConsole console) : AsyncCommand<TemplateCommand.Settings>
{
    /// <summary>The name of the embedded Telco sample definition.</summary>
    public const string TelcoSample = "telco-health-score.json";

    internal sealed class Settings : CliSettings
    {
        [CommandArgument(0, "[NAME]")]
        [Description("[bold]starter[/] (default): HubSpot's five pre-defined groups, with event criteria; [bold]telco[/]: property criteria that score the Telco customer churn data.")]
        public string Name { get; init; } = "starter";

        [CommandOption("-o|--out <PATH>")]
        [Description("Write the definition to this file instead of standard output.")]
        public string? Out { get; init; }

        [CommandOption("--force")]
        [Description("Replace --out if it exists.")]
        public bool Force { get; init; }

        [CommandOption("--object-type <TYPE>")]
        [Description("For the starter: the object the score is for (companies, contacts or a custom object). Default: companies.")]
        public string? ObjectType { get; init; }

        public override ValidationResult Validate() =>
            Name is not ("starter" or "telco") ? ValidationResult.Error($"'{Name}' is not a template; use starter or telco.")
            : ObjectType is not null && Name == "telco" ? ValidationResult.Error("--object-type applies to the starter template only (the telco sample scores companies).")
            : ObjectType is not null && string.IsNullOrWhiteSpace(ObjectType) ? ValidationResult.Error("--object-type needs an object type, for example companies, contacts or a custom object's name.")
            : Force && Out is null ? ValidationResult.Error("--force replaces the --out file; without --out the definition goes to standard output.")
            : ValidationResult.Success();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string json;
        try
        {
            json = settings.Name == "telco" ? ReadSample(TelcoSample) : HealthScoreJson.Serialize(HealthScoreTemplates.Starter(settings.ObjectType ?? "companies"));
        }
        catch (ArgumentException ex)
        {
            throw CliException.Usage($"--object-type: '{settings.ObjectType}' cannot be used: {ex.Message}");
        }

        if (settings.Out is { } path)
        {
            using AtomicFile output = AtomicFile.Create(path, "--out", settings.Force);
            output.Writer.Write(json.TrimEnd() + "\n");
            output.Commit();
            console.Note($"Wrote the {settings.Name} definition to {path}.");
        }
        else
        {
            console.OutWriter.WriteLine(json.TrimEnd());
        }

        return Task.FromResult(ExitCodes.Success);
    }

    /// <summary>Reads an embedded sample definition.</summary>
    public static string ReadSample(string name)
    {
        using Stream stream = typeof(TemplateCommand).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded sample '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
