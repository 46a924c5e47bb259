using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text.Unicode;
using CustomerSuccess.Core.Cli.Infrastructure;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Serialization;

namespace CustomerSuccess.Core.Cli.Input;

/// <summary>Opens the files named on the command line, and says precisely why one cannot be used: not found, a
/// directory, unreadable, too large, not UTF-8, or not a definition.</summary>
internal static class InputFiles
{
    /// <summary>The largest definition file accepted: 1 MiB (a definition with every limit used is a few kilobytes).</summary>
    public const int MaxDefinitionBytes = 1 << 20;

    /// <summary>Throws a <see cref="CliException"/> unless <paramref name="path"/> names a readable file.</summary>
    public static void CheckReadable(string path, string option)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw CliException.Usage($"{option} needs a file path.");
        }

        if (Directory.Exists(path))
        {
            throw CliException.Input($"{option}: '{path}' is a directory, not a file.");
        }

        if (!File.Exists(path))
        {
            throw CliException.Input($"{option}: file '{path}' not found.");
        }

        try
        {
            using FileStream probe = File.OpenRead(path);
        }
        catch (UnauthorizedAccessException)
        {
            throw CliException.Input($"{option}: '{path}' cannot be read (permission denied).");
        }
        catch (IOException ex)
        {
            throw CliException.Input($"{option}: '{path}' cannot be read ({ex.Message}).");
        }
    }

    /// <summary>Reads a definition: at most <see cref="MaxDefinitionBytes"/>, valid UTF-8, a v1 document whose members
    /// appear once.</summary>
    public static HealthScoreDefinition ReadDefinition(string path, string option = "--definition")
    {
        CheckReadable(path, option);
        long length = new FileInfo(path).Length;
        if (length > MaxDefinitionBytes)
        {
            throw CliException.Input(F($"{option}: '{path}' is {length:N0} bytes; a definition file may be at most {MaxDefinitionBytes:N0} bytes (1 MiB)."));
        }

        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length > MaxDefinitionBytes)
        {
            throw CliException.Input(F($"{option}: '{path}' is larger than {MaxDefinitionBytes:N0} bytes (1 MiB)."));
        }

        return ParseDefinition(bytes, path);
    }

    /// <summary>Parses definition bytes; <paramref name="source"/> names them in messages.</summary>
    public static HealthScoreDefinition ParseDefinition(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw CliException.Input($"{source} is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8.");
        }

        if (!Utf8.IsValid(bytes))
        {
            int offset = FirstInvalidUtf8(bytes);
            (long line, long column) = Position(bytes, offset);
            throw CliException.Input(F($"{source}, line {line}, byte {column}: not valid UTF-8 (byte 0x{bytes[offset]:X2}); a definition must be UTF-8 text."));
        }

        HealthScoreJsonResult<HealthScoreDefinition> parsed = HealthScoreJson.Parse(bytes);
        if (parsed.IsFailure)
        {
            HealthScoreJsonError error = parsed.Error;
            throw CliException.Input(F($"{source}, line {error.LineNumber}, byte {error.BytePositionInLine} ({error.Path}): {error.Message}"));
        }

        return parsed.Value;
    }

    /// <summary>Throws a <see cref="CliException"/> unless the file is UTF-8 text (one streaming pass; a CSV reader would
    /// otherwise replace bad bytes and read, say, two different Latin-1 names as the same text).</summary>
    public static void CheckUtf8Text(string path, string option)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        char[] chars = ArrayPool<char>.Shared.Rent(1 << 20);
        try
        {
            using FileStream stream = File.OpenRead(path);
            int carried = 0;
            long consumed = 0;
            long line = 1;
            long lineStart = 0;
            bool first = true;
            while (true)
            {
                int read = stream.Read(buffer, carried, buffer.Length - carried);
                int length = carried + read;
                bool final = read == 0;
                if (first && length >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
                {
                    throw CliException.Input($"{option}: '{path}' is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8.");
                }

                first = false;
                ReadOnlySpan<byte> block = buffer.AsSpan(0, length);
                int done = 0;
                System.Buffers.OperationStatus status = System.Buffers.OperationStatus.DestinationTooSmall;
                while (status == System.Buffers.OperationStatus.DestinationTooSmall)
                {
                    status = Utf8.ToUtf16(block[done..], chars, out int used, out _, replaceInvalidSequences: false, isFinalBlock: final);
                    done += used;
                }

                int newlines = block[..done].Count((byte)'\n');
                if (newlines > 0)
                {
                    line += newlines;
                    lineStart = consumed + block[..done].LastIndexOf((byte)'\n') + 1;
                }

                if (status == System.Buffers.OperationStatus.InvalidData)
                {
                    throw CliException.Input(F($"{option}: '{path}', line {line}, byte {consumed + done - lineStart + 1}: not valid UTF-8 (byte 0x{block[done]:X2}); save the file as UTF-8."));
                }

                if (final)
                {
                    return;
                }

                // A sequence cut by the end of the block is read again with the next one.
                carried = length - done;
                block[done..].CopyTo(buffer);
                consumed += done;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        char[] scratch = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            int offset = 0;
            while (offset < bytes.Length)
            {
                ReadOnlySpan<byte> rest = bytes[offset..];
                System.Buffers.OperationStatus status = Utf8.ToUtf16(rest, scratch, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
                offset += read;
                if (status == System.Buffers.OperationStatus.InvalidData)
                {
                    return offset;
                }

                if (status == System.Buffers.OperationStatus.Done)
                {
                    break;
                }
            }

            return Math.Min(offset, bytes.Length - 1);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
        }
    }

    private static (long Line, long Column) Position(ReadOnlySpan<byte> bytes, int offset)
    {
        ReadOnlySpan<byte> before = bytes[..offset];
        int lastNewline = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n') + 1, offset - (lastNewline + 1));
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
