using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CustomerSuccess.Core.Cli.Output;

/// <summary>Writes one indented JSON document to a text writer.</summary>
internal static class JsonOutput
{
    public static void Write(TextWriter target, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        target.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>Writes a number, or null.</summary>
    public static void Number(this Utf8JsonWriter writer, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
