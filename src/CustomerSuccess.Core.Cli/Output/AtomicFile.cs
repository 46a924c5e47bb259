using System;
using System.IO;
using System.Text;
using CustomerSuccess.Core.Cli.Infrastructure;

namespace CustomerSuccess.Core.Cli.Output;

/// <summary>
/// An output file written atomically: created as a temporary file beside the target when the command starts (so a
/// missing folder, a directory in the way or a read-only location is reported before any work is done), renamed over
/// the target only when everything was written. A failed or cancelled run leaves the target as it was.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private readonly string _temporary;
    private bool _committed;

    private AtomicFile(string target, string temporary, StreamWriter writer)
    {
        Target = target;
        _temporary = temporary;
        Writer = writer;
    }

    public string Target { get; }

    public TextWriter Writer { get; }

    /// <summary>Checks <paramref name="path"/> and opens the temporary file.</summary>
    /// <param name="path">The target.</param>
    /// <param name="option">The option that named it, for messages.</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    /// <param name="inputs">Input files the output must not replace.</param>
    public static AtomicFile Create(string path, string option, bool overwrite, params string?[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw CliException.Usage($"{option} needs a file path.");
        }

        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw CliException.Input($"{option}: '{path}' is a directory; name a file to write.");
        }

        foreach (string? input in inputs)
        {
            if (input is not null && string.Equals(Path.GetFullPath(input), full, StringComparison.Ordinal))
            {
                throw CliException.Input($"{option}: '{path}' is also an input file; write the output to another file.");
            }
        }

        if (!overwrite && File.Exists(full))
        {
            throw CliException.Input($"{option}: '{path}' exists; pass --force to replace it.");
        }

        string folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw CliException.Input($"{option}: the folder '{Path.GetDirectoryName(path)}' does not exist.");
        }

        if (File.Exists(full))
        {
            // Renaming over the file would succeed in a writable folder even when the file itself may not be written.
            try
            {
                using var probe = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            }
            catch (UnauthorizedAccessException)
            {
                throw CliException.Input($"{option}: '{path}' cannot be replaced (it is read-only, or permission is denied).");
            }
            catch (IOException ex)
            {
                throw CliException.Input($"{option}: '{path}' cannot be replaced ({ex.Message}).");
            }
        }

        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            return new AtomicFile(full, temporary, new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16));
        }
        catch (UnauthorizedAccessException)
        {
            throw CliException.Input($"{option}: cannot write in '{folder}' (permission denied).");
        }
        catch (IOException)
        {
            // The exception's message names the temporary file; say what failed in the target's terms.
            throw CliException.Input($"{option}: cannot write '{path}' (the folder '{folder}' does not accept a new file).");
        }
    }

    /// <summary>Flushes the temporary file and renames it over the target.</summary>
    public void Commit()
    {
        Writer.Flush();
        Writer.Dispose();
        File.Move(_temporary, Target, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            Writer.Dispose();
            File.Delete(_temporary);
        }
    }
}
