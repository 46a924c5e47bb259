using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Cli.Commands;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerSuccess.Core.Cli.Infrastructure;

/// <summary>
/// The <c>cs-core</c> application: strict parsing (an unknown command, option or argument is an error that suggests the
/// closest valid one), <c>--version</c>, results on stdout and problems on stderr, and the documented exit codes
/// (<see cref="ExitCodes"/>). An unexpected failure prints one line, and its stack trace only with <c>--verbose</c>.
/// </summary>
internal static partial class CliApplication
{
    private static readonly (string Name, Type Settings, string Description, string[][] Examples)[] CommandTable =
    [
        ("demo", typeof(DemoCommand.Settings), "Walk through the library on the embedded SQLite store (a second run sees what the first saved; --in-memory keeps nothing): workspaces and teams, saved views, a health score's lifecycle, then scoring a real portfolio (the Telco churn data, or a generated one) with an explanation and a churn backtest.", [["demo"]]),
        ("score", typeof(ScoreCommand.Settings), "Score every account of a CSV portfolio with a JSON health-score definition; print the portfolio statistics and optionally write every account's score to a CSV file.", [["score", "-p", "accounts.csv", "-d", "score.json", "--id-column", "id", "-o", "scores.csv"]]),
        ("explain", typeof(ExplainCommand.Settings), "Explain the score of one account (\"test a record\"): every criterion, its inputs and points, every group before and after its cap. Reads the portfolio only up to that account.", [["explain", "-p", "accounts.csv", "-d", "score.json", "-a", "A-17"]]),
        ("validate", typeof(ValidateCommand.Settings), "Check a JSON health-score definition and list every problem with its path; with --portfolio (and --events) also everything that scoring that file would reject.", [["validate", "-d", "score.json", "--portfolio", "accounts.csv"]]),
        ("backtest", typeof(BacktestCommand.Settings), "Score a portfolio with a known outcome column (for example Churn) and report the churn rate of each status band, the lift of At risk over Healthy, and the ROC AUC of the score against churn.", [["backtest", "-p", "accounts.csv", "-d", "score.json", "--outcome", "Churn"]]),
        ("template", typeof(TemplateCommand.Settings), "Write a definition to start from: the starter template (HubSpot's five pre-defined groups) or the Telco sample that scores the Telco churn data.", [["template", "-o", "score.json"], ["template", "telco"]]),
    ];

    /// <summary>The tool's version (the assembly's informational version without the source revision).</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="console">Where results and problems go.</param>
    /// <param name="configureServices">Registers replacements before the library's defaults (tests: a fake clock).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, CliConsole console, Action<IServiceCollection>? configureServices = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        bool verbose = args.Contains("--verbose", StringComparer.Ordinal);
        try
        {
            var services = new ServiceCollection();
            services.AddSingleton(console);
            configureServices?.Invoke(services);
            services.AddCustomerSuccess().AddInMemoryStores();
            var app = new CommandApp(new TypeRegistrar(services));
            app.Configure(config => Configure(config, console));
            if (args.Length == 0)
            {
                await app.RunAsync(["--help"], cancellationToken).ConfigureAwait(false);
                console.Problem("no command given; pick one of the commands above.");
                return ExitCodes.Usage;
            }

            if (MissingValue(args) is { } missing)
            {
                console.Problem(missing);
                return ExitCodes.Usage;
            }

            return await app.RunAsync(args, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            console.Problem(ex.Message);
            return ex.ExitCode;
        }
        catch (CommandParseException ex)
        {
            console.Problem(DescribeParseError(ex.Message, args));
            return ExitCodes.Usage;
        }
        catch (CommandRuntimeException ex)
        {
            console.Problem(DescribeRuntimeError(ex.Message, args));
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Problem("cancelled.");
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The one place that turns any failure into one line and an exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Exception inner = ex is CommandAppException { InnerException: { } i } ? i : ex;
            string hint = verbose ? string.Empty : " (run again with --verbose for the stack trace)";
            console.Problem($"unexpected error: {inner.GetType().Name}: {OneLine(inner.Message)}{hint}");
            if (verbose)
            {
                console.ErrorWriter.WriteLine(inner.ToString());
            }

            return ExitCodes.Unexpected;
        }
    }

    private static void Configure(IConfigurator config, CliConsole console)
    {
        config.SetApplicationName("cs-core");
        config.SetApplicationVersion(Version);
        config.ConfigureConsole(console.Out);
        config.UseStrictParsing();
        config.PropagateExceptions();
        config.ValidateExamples();
        config.CaseSensitivity(CaseSensitivity.All);
        AddCommand<DemoCommand>(config, "demo");
        AddCommand<ScoreCommand>(config, "score");
        AddCommand<ExplainCommand>(config, "explain");
        AddCommand<ValidateCommand>(config, "validate");
        AddCommand<BacktestCommand>(config, "backtest");
        AddCommand<TemplateCommand>(config, "template");
    }

    private static void AddCommand<TCommand>(IConfigurator config, string name)
        where TCommand : class, ICommand
    {
        var entry = CommandTable.Single(c => c.Name == name);
        ICommandConfigurator command = config.AddCommand<TCommand>(name).WithDescription(entry.Description);
        foreach (string[] example in entry.Examples)
        {
            command.WithExample(example);
        }
    }

    /// <summary>Rewrites Spectre's parse errors as one sentence that names the command and suggests the closest valid
    /// option, argument or command.</summary>
    internal static string DescribeParseError(string message, IReadOnlyList<string> args)
    {
        string? command = CommandOf(args);
        Match unknownOption = UnknownOption().Match(message);
        if (unknownOption.Success)
        {
            string token = unknownOption.Groups["name"].Value;
            string written = args.FirstOrDefault(a => a.TrimStart('-').Split('=')[0] == token) ?? (token.Length == 1 ? "-" + token : "--" + token);
            string[] options = command is null ? ["--help", "--version"] : OptionsOf(command);
            string suggestion = Closest(written, options) is { } closest ? $" Did you mean '{closest}'?" : string.Empty;
            string where = command is null ? "cs-core" : $"'{command}'";
            return $"unknown option '{written}' for {where}.{suggestion} ('cs-core {command ?? string.Empty}{(command is null ? string.Empty : " ")}--help' lists the options.)";
        }

        Match unknownCommand = UnknownCommand().Match(message);
        if (unknownCommand.Success && command is not null)
        {
            // A word after a command that takes no more arguments.
            return $"unexpected argument '{unknownCommand.Groups["name"].Value}' for '{command}'. ('cs-core {command} --help' lists what it takes.)";
        }

        if (unknownCommand.Success)
        {
            string token = unknownCommand.Groups["name"].Value;
            string suggestion = Closest(token, [.. CommandTable.Select(c => c.Name)]) is { } closest ? $" Did you mean '{closest}'?" : string.Empty;
            return $"unknown command '{token}'.{suggestion} Commands: {string.Join(", ", CommandTable.Select(c => c.Name))}.";
        }

        Match unexpected = UnexpectedArgument().Match(message);
        if (unexpected.Success && command is not null)
        {
            string token = unexpected.Groups["name"].Value;
            string suggestion = Closest("--" + token, OptionsOf(command)) is { } closest ? $" Did you mean '{closest}'?" : string.Empty;
            return $"unexpected argument '{token}' for '{command}'.{suggestion} ('cs-core {command} --help' lists what it takes.)";
        }

        return OneLine(message);
    }

    private static string DescribeRuntimeError(string message, IReadOnlyList<string> args)
    {
        string text = OneLine(message);
        string? command = CommandOf(args);
        return command is null ? text : $"{command}: {char.ToLowerInvariant(text[0])}{text[1..]} ('cs-core {command} --help' lists the options.)";
    }

    /// <summary>The problem of an option that takes a value but is given none (it ends the line, or the next token is
    /// another option), or null. Checked before parsing: the parser would otherwise bind a placeholder of its own as the
    /// value.</summary>
    internal static string? MissingValue(IReadOnlyList<string> args)
    {
        if (CommandOf(args) is not { } command)
        {
            return null;
        }

        var valued = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (CommandOptionAttribute option in OptionAttributesOf(command))
        {
            if (option is { ValueName: { } valueName, ValueIsOptional: false })
            {
                foreach (string name in NamesOf(option))
                {
                    valued[name] = valueName;
                }
            }
        }

        for (int i = 0; i < args.Count; i++)
        {
            if (!valued.TryGetValue(args[i], out string? valueName))
            {
                continue;
            }

            bool last = i + 1 == args.Count;
            if (last || (args[i + 1].Length > 1 && args[i + 1][0] == '-' && !double.TryParse(args[i + 1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
            {
                string after = last ? "ends the command line" : $"is followed by the option '{args[i + 1]}'";
                return $"{command}: {args[i]} needs a value ({valueName}), but it {after}. ('cs-core {command} --help' lists the options.)";
            }

            i++;
        }

        return null;
    }

    /// <summary>Every option name of a command: <c>--long</c> and <c>-s</c> forms, plus --help.</summary>
    internal static string[] OptionsOf(string command) => [.. OptionAttributesOf(command).SelectMany(NamesOf), "--help"];

    /// <summary>The options a command's settings declare.</summary>
    private static IEnumerable<CommandOptionAttribute> OptionAttributesOf(string command) =>
        CommandTable.Single(c => c.Name == command).Settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => property.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>();

    /// <summary>An option's names as written on the command line: <c>--long</c> and <c>-s</c>.</summary>
    private static IEnumerable<string> NamesOf(CommandOptionAttribute option) =>
        option.LongNames.Select(n => "--" + n).Concat(option.ShortNames.Select(n => "-" + n));

    private static string? CommandOf(IReadOnlyList<string> args) =>
        args.FirstOrDefault(a => !a.StartsWith('-')) is { } first && CommandTable.Any(c => c.Name == first) ? first : null;

    private static string? Closest(string token, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int distance = Levenshtein(token.TrimStart('-'), candidate.TrimStart('-'));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return bestDistance <= Math.Max(2, token.TrimStart('-').Length / 3) ? best : null;
    }

    internal static int Levenshtein(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string OneLine(string text)
    {
        string line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= 300 ? line : line[..300] + "…";
    }

    private static string ReadVersion()
    {
        string? version = typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return version is null ? "0.0.0" : version.Split('+')[0];
    }

    [GeneratedRegex(@"(?:Unknown|Unexpected) option '(?<name>[^']*)'", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UnknownOption();

    [GeneratedRegex(@"Unknown command '(?<name>[^']*)'", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UnknownCommand();

    [GeneratedRegex(@"Could not match '(?<name>[^']*)' with an argument", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UnexpectedArgument();
}
