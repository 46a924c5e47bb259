using System;
using System.IO;
using System.Text;
using Spectre.Console;

namespace CustomerSuccess.Core.Cli.Infrastructure;

/// <summary>
/// The two streams of the tool: <see cref="Out"/> for results (standard output) and <see cref="Error"/> for problems,
/// warnings and progress (standard error). A stream that is redirected to a file or a pipe gets no colours, no
/// animation and no hard wrapping: lines are as long as their content.
/// </summary>
internal sealed class CliConsole
{
    /// <summary>The width given to a redirected stream: wide enough that no line is ever wrapped.</summary>
    private const int UnwrappedWidth = 32_767;

    public CliConsole(TextWriter output, TextWriter error, bool outputIsTerminal, bool errorIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        OutWriter = output;
        ErrorWriter = error;
        OutIsTerminal = outputIsTerminal;
        ErrorIsTerminal = errorIsTerminal;
        Out = Create(output, outputIsTerminal);
        Error = Create(error, errorIsTerminal);
    }

    /// <summary>Results: tables, JSON, CSV, the definition written by <c>template</c>.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Problems, warnings and progress.</summary>
    public IAnsiConsole Error { get; }

    public TextWriter OutWriter { get; }

    public TextWriter ErrorWriter { get; }

    public bool OutIsTerminal { get; }

    public bool ErrorIsTerminal { get; }

    /// <summary>The console of the running process.</summary>
    public static CliConsole ForProcess()
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var output = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = true };
        var error = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        return new CliConsole(output, error, !Console.IsOutputRedirected, !Console.IsErrorRedirected);
    }

    /// <summary>Writes one problem line to <see cref="Error"/>: <c>cs-core: message</c>.</summary>
    public void Problem(string message) => Error.MarkupLineInterpolated($"[red]cs-core:[/] {message}");

    /// <summary>Writes one warning line to <see cref="Error"/>.</summary>
    public void Warning(string message) => Error.MarkupLineInterpolated($"[yellow]cs-core: warning:[/] {message}");

    /// <summary>Writes one note (progress, what was written) to <see cref="Error"/>.</summary>
    public void Note(string message) => Error.MarkupLineInterpolated($"[grey]{message}[/]");

    /// <summary>A section heading on <see cref="Out"/>: a rule on a terminal, a plain line otherwise.</summary>
    public void Heading(string text)
    {
        if (OutIsTerminal)
        {
            Out.Write(new Rule(Markup.Escape(text)).LeftJustified());
        }
        else
        {
            Out.WriteLine();
            Out.WriteLine("== " + text + " ==");
        }
    }

    private static IAnsiConsole Create(TextWriter writer, bool terminal)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(terminal ? writer : new TrailingSpaceTrimmer(writer)),
        });
        if (!terminal)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }
}

/// <summary>A writer that drops the spaces at the end of each line (tables and help pad their cells to the column
/// width; in a redirected stream those spaces are noise). Everything else passes through unchanged.</summary>
internal sealed class TrailingSpaceTrimmer(TextWriter inner) : TextWriter
{
    private int _pendingSpaces;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == ' ')
        {
            _pendingSpaces++;
            return;
        }

        if (value is '\n' or '\r')
        {
            _pendingSpaces = 0;
        }
        else
        {
            for (; _pendingSpaces > 0; _pendingSpaces--)
            {
                inner.Write(' ');
            }
        }

        inner.Write(value);
    }

    public override void Write(string? value)
    {
        foreach (char c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        for (int i = index; i < index + count; i++)
        {
            Write(buffer[i]);
        }
    }

    public override void Flush() => inner.Flush();
}
