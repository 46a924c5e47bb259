using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CustomerSuccess.Core.Cli.Infrastructure;
using CustomerSuccess.Core.Cli.Input;

namespace CustomerSuccess.Core.Cli.Tests;

/// <summary>Bad portfolio and definition input: each is an error (exit 1, stderr) that says what and where.</summary>
public sealed class InputTests : IDisposable
{
    private readonly TempFolder _files = new();
    private readonly string _definition;

    public InputTests() => _definition = _files.File("d.json", Definitions.NumberAndText);

    public void Dispose() => _files.Dispose();

    private Task<CliResult> Score(string csv, params string[] extra) =>
        Cli.RunAsync([.. (string[])["score", "-p", _files.File("p.csv", csv), "-d", _definition], .. extra]);

    private static void AssertInputError(CliResult result, params string[] fragments)
    {
        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Empty(result.Out);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, result.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("NaN")]
    [InlineData("1e400")]
    [InlineData("∞")]
    public async Task NonFiniteNumbers_AreInvalidInput(string cell)
    {
        CliResult result = await Score($"id,n,plan\na,5,pro\nb,\"{cell}\",pro\n");

        AssertInputError(result, "line 3, column 'n'", "is not a finite number");
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("twelve")]
    [InlineData("abc")]
    public async Task MalformedNumbers_AreInvalidInput_AndCalledNotANumber(string cell)
    {
        CliResult result = await Score($"id,n,plan\na,5,pro\nb,\"{cell}\",pro\n");

        AssertInputError(result, "line 3, column 'n'", "is not a number (");
    }

    [Fact]
    public async Task APortfolioThatIsNotUtf8_IsRefused_WithItsLineAndByte()
    {
        // Latin-1 'Müller' and 'Möller': replaced characters would make them the same id, or drop one silently.
        string path = Path.Combine(_files.Path, "latin1.csv");
        await File.WriteAllBytesAsync(path, [.. "id,n,plan\na,1,pro\nM"u8, 0xFC, .. "ller,2,pro\nM"u8, 0xF6, .. "ller,3,pro\n"u8]);

        CliResult result = await Cli.RunAsync("score", "-p", path, "-d", _definition);

        AssertInputError(result, "line 3, byte 2: not valid UTF-8 (byte 0xFC)");
    }

    [Theory]
    [InlineData("id,n,plan\na,1,pro\nb,2,pro\n\n")]
    [InlineData("id,n,plan\r\na,1,pro\r\n\r\nb,2,pro\r\n\r\n")]
    public async Task BlankLines_AreSkipped(string csv)
    {
        CliResult result = await Score(csv);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("Scored 2 accounts", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,n,plan,note,note\na,1,pro,x,y\n", "the header names the column 'note' more than once")]
    [InlineData("id,n,plan,,\na,1,pro,,\n", "the header has more than one blank column name")]
    public async Task ARepeatedColumnName_IsNamed(string csv, string expected)
    {
        CliResult result = await Score(csv);

        AssertInputError(result, expected);
    }

    [Theory]
    [InlineData("é", "cannot separate cells")]
    [InlineData("\"", "the quote '\"' cannot separate cells")]
    [InlineData("ab", "is not one character")]
    public async Task ADelimiterThatCannotSeparateCells_IsAUsageError(string delimiter, string expected)
    {
        CliResult result = await Score("id,n,plan\na,1,pro\n", "--delimiter", delimiter);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlankCells_AreMissing_AndCountedInTheSummary()
    {
        CliResult result = await Score("id,n,plan\na,,pro\nb, ,\n");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("(3 blank cells read as missing values)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LineNumbers_ArePhysicalLines_AfterAMultiLineRecord()
    {
        CliResult result = await Score("id,n,plan\na,5,\"pro\"\nb,7,\"a plan\nwritten on\nthree lines\"\nc,x,pro\n");

        AssertInputError(result, "line 6, column 'n'");
    }

    [Fact]
    public async Task AnErrorInAMultiLineRecord_NamesItsLines()
    {
        CliResult result = await Score("id,n,plan\na,5,pro\n\"b\nc\",x,pro\n");

        AssertInputError(result, "lines 3-4, column 'n'");
    }

    [Fact]
    public async Task UnclosedQuote_QuotesAShortExcerpt_NotTheRestOfTheFile()
    {
        var csv = new StringBuilder("id,n,plan\na,5,pro\nb,6,\"pro\n");
        for (int i = 0; i < 20_000; i++)
        {
            csv.Append(CultureInfo(i)).Append(",1,basic\n");
        }

        CliResult result = await Score(csv.ToString());

        AssertInputError(result, "line 3, column 'plan'", "is never closed");
        Assert.True(result.Error.Length < 500, $"{result.Error.Length} characters: {result.Error[..Math.Min(600, result.Error.Length)]}");
    }

    [Fact]
    public async Task ARowWithTooFewCells_IsShownShort()
    {
        CliResult result = await Score("id,n,plan\na,5\n");

        AssertInputError(result, "line 2: 2 cells, but the header has 3 columns");
    }

    [Fact]
    public async Task Delimiter_IsDetectedFromTheHeader()
    {
        CliResult semicolons = await Score("id;n;plan\na;60;pro\n");
        CliResult tabs = await Score("id\tn\tplan\na\t60\tpro\n");

        Assert.Equal(ExitCodes.Success, semicolons.ExitCode);
        Assert.Equal(ExitCodes.Success, tabs.ExitCode);
        Assert.Contains("Scored 1 accounts", semicolons.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongDelimiter_GetsAHint()
    {
        CliResult result = await Score("id;n;plan\na;60;pro\n", "--delimiter", ",");

        AssertInputError(result, "no column 'id'", "The header looks delimited by ';', not ',': pass --delimiter ';'.");
    }

    [Fact]
    public async Task DuplicateIds_AreAnError_NamingBothLines()
    {
        CliResult result = await Score("id,n,plan\na,1,pro\nb,2,pro\na,60,pro\n");

        AssertInputError(result, "line 4, column 'id': the account id 'a' appears again (first on line 2)", "--duplicates first");
    }

    [Theory]
    [InlineData("first", "a,40,Neutral|b,0,AtRisk")]
    [InlineData("last", "b,0,AtRisk|a,100,Healthy")]
    public async Task Duplicates_FirstOrLast_KeepOneRow(string policy, string expected)
    {
        string output = _files.Name("scores.csv");

        CliResult result = await Score("id,n,plan\na,1,pro\nb,2,basic\na,60,pro\n", "--duplicates", policy, "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 row(s) with a repeated account id were dropped", result.Error, StringComparison.Ordinal);
        string[] rows = File.ReadAllText(output).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Equal(expected.Split('|'), rows.Select(r => string.Join(',', r.Split(',')[..3])));
    }

    [Fact]
    public async Task ADirectoryOrAMissingFile_IsNamedAsSuch()
    {
        CliResult directory = await Cli.RunAsync("score", "-p", _files.Path, "-d", _definition);
        CliResult missing = await Cli.RunAsync("score", "-p", _files.Name("nope.csv"), "-d", _definition);
        CliResult definitionDirectory = await Cli.RunAsync("validate", "-d", _files.Path);

        AssertInputError(directory, $"--portfolio: '{_files.Path}' is a directory, not a file.");
        AssertInputError(missing, "--portfolio: file '", "nope.csv' not found.");
        AssertInputError(definitionDirectory, "--definition: '", "is a directory, not a file.");
    }

    [Fact]
    public async Task AnUnreadableFile_IsNamedAsSuch()
    {
        string path = _files.File("secret.csv", "id,n,plan\n");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(path, UnixFileMode.None);
        bool readable;
        try
        {
            using FileStream probe = File.OpenRead(path);
            readable = true;
        }
        catch (UnauthorizedAccessException)
        {
            readable = false;
        }

        CliResult result = await Cli.RunAsync("score", "-p", path, "-d", _definition);

        if (readable)
        {
            // Running as root: permissions do not stop reading, so the file is simply read.
            Assert.NotEqual(ExitCodes.Unexpected, result.ExitCode);
        }
        else
        {
            AssertInputError(result, "cannot be read (permission denied)");
        }
    }

    [Fact]
    public async Task TooManyDistinctTexts_IsInvalidInput_NotACrash()
    {
        var csv = new StringBuilder("id,n,plan\n");
        for (int i = 0; i < 300; i++)
        {
            csv.Append(CultureInfo(i)).Append(",1,plan-").Append(CultureInfo(i)).Append('\n');
        }

        CliResult result = await Score(csv.ToString());

        AssertInputError(result, "line 257, column 'plan'", "at most 255 distinct values");
    }

    [Fact]
    public async Task ADefinitionLargerThanOneMebibyte_IsRefused()
    {
        string big = _files.File("big.json", "{\"schema\": \"customersuccess.health-score/v1\", \"name\": \"" + new string('x', InputFiles.MaxDefinitionBytes) + "\"}");

        CliResult result = await Cli.RunAsync("validate", "-d", big);

        AssertInputError(result, "a definition file may be at most 1,048,576 bytes (1 MiB)");
    }

    [Fact]
    public async Task ADefinitionThatIsNotUtf8_IsRefused_WithItsPosition()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Definitions.NumberAndText.Replace("Test score", "Test ?score", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xE9; // Latin-1 'é'
        string path = _files.Bytes("latin1.json", bytes);

        CliResult result = await Cli.RunAsync("validate", "-d", path);

        AssertInputError(result, "line 3, byte", "not valid UTF-8 (byte 0xE9)");
    }

    [Fact]
    public async Task AUtf16Definition_IsRefused()
    {
        string path = _files.Bytes("utf16.json", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Definitions.NumberAndText)]);

        CliResult result = await Cli.RunAsync("validate", "-d", path);

        AssertInputError(result, "is UTF-16", "save it as UTF-8");
    }

    [Fact]
    public async Task ARepeatedKey_IsRefused()
    {
        string path = _files.File("twice.json", Definitions.NumberAndText.Replace("\"name\": \"Test score\",", "\"name\": \"Test score\", \"name\": \"Other\",", StringComparison.Ordinal));

        CliResult result = await Cli.RunAsync("validate", "-d", path);

        AssertInputError(result, "The member 'name' appears more than once in a score definition");
    }

    [Theory]
    [InlineData("\"points\": 60", "\"points\": \"lots\"", "'points' must be a whole number from -2147483648 to 2147483647.")]
    [InlineData("greaterThanOrEqual", "atLeast", "'operator' must be one of 'equal', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'between'.")]
    [InlineData("\"maxPoints\": 60,", "\"maxPoints\": 60, \"max\": 1,", "'max' is not a member of a group")]
    public async Task DefinitionMessages_SpeakOfTheDefinitionsFields_NeverOfDotNetTypes(string find, string replace, string expected)
    {
        string path = _files.File("bad.json", Definitions.NumberAndText.Replace(find, replace, StringComparison.Ordinal));

        CliResult result = await Cli.RunAsync("validate", "-d", path);

        AssertInputError(result, expected);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(".NET", result.Error, StringComparison.Ordinal);
    }

    private static string CultureInfo(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
