using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CustomerSuccess.Core.Cli.Output;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using nietras.SeparatedValues;

namespace CustomerSuccess.Core.Cli.Tests;

/// <summary>One generated account: an id with awkward characters, a usage number and a plan.</summary>
public sealed record GeneratedAccount(string Id, int Usage, bool Pro)
{
    /// <summary>What <see cref="Definitions.NumberAndText"/> gives it: 60 for usage ≥ 50, 40 for the pro plan.</summary>
    public int ExpectedScore => (Usage >= 50 ? 60 : 0) + (Pro ? 40 : 0);
}

public static class PortfolioArbitraries
{
    private static readonly string[] Pieces = [",", "\"", "\n", "\r\n", " ", "=", "+", "-", "@", "'", "\t", ";", "é", "日本", "😀", "Ω", "a", "Z", "7", "id", "\u00a0"];

    public static Arbitrary<GeneratedAccount[]> Accounts() =>
        (from ids in IdGen().ArrayOf()
         from usages in Gen.Choose(0, 100).ArrayOf(ids.Length)
         from plans in Gen.Elements(true, false).ArrayOf(ids.Length)
         select ids.Distinct(StringComparer.Ordinal).Select((id, i) => new GeneratedAccount(id, usages[i], plans[i])).ToArray()).ToArbitrary();

    private static Gen<string> IdGen() =>
        from parts in Gen.Elements(Pieces).ArrayOf()
        from core in Gen.Elements("x", "acct-1", "Ä", "ü")
        from position in Gen.Choose(0, 8)
        let list = parts.Take(8).ToList()
        select string.Concat(list.Take(position)) + core + string.Concat(list.Skip(position));
}

public sealed class ScoreRoundTripProperties
{
    /// <summary>A CSV writer independent of the tool's: every cell quoted.</summary>
    private static string ToCsv(GeneratedAccount[] accounts)
    {
        static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var csv = new StringBuilder("id,n,plan\n");
        foreach (GeneratedAccount account in accounts)
        {
            csv.Append(Quote(account.Id)).Append(',').Append(account.Usage).Append(',').Append(account.Pro ? "pro" : "basic").Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>Reads score's output back: id (one leading apostrophe removed) → score.</summary>
    private static Dictionary<string, int> ReadScores(string path)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        using SepReader reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).FromFile(path);
        foreach (SepReader.Row row in reader)
        {
            string id = row["id"].ToString();
            if (id.StartsWith('\''))
            {
                id = id[1..];
            }

            scores.Add(id, row["score"].Parse<int>());
        }

        return scores;
    }

    [Property(MaxTest = 40, Arbitrary = [typeof(PortfolioArbitraries)])]
    public Property ScoreOut_ReadBack_GivesEveryAccountsScore(GeneratedAccount[] accounts)
    {
        using var files = new TempFolder();
        string definition = files.File("d.json", Definitions.NumberAndText);
        string portfolio = files.File("p.csv", ToCsv(accounts));
        string output = files.Name("scores.csv");

        CliResult result = Cli.RunAsync("score", "-p", portfolio, "-d", definition, "-o", output, "--format", "json").GetAwaiter().GetResult();
        if (result.ExitCode != 0)
        {
            return false.Label(result.ToString());
        }

        Dictionary<string, int> scores = ReadScores(output);
        bool every = scores.Count == accounts.Length
            && accounts.All(a => scores.TryGetValue(a.Id, out int score) && score == a.ExpectedScore);
        return every.Label($"{accounts.Length} accounts, {scores.Count} read back: {string.Join(" | ", accounts.Select(a => a.Id.Replace("\n", "⏎", StringComparison.Ordinal)))}");
    }

    [Fact]
    public void NeutralisedCells_AreReversibleByRemovingOneApostrophe()
    {
        foreach (string value in (string[])["=1+1", "+1", "-1", "@x", "\tx", "\rx", "'x", "''x", "x'", "plain"])
        {
            var text = new StringWriter();
            new CsvOutput(text).Cell(value);
            string written = text.ToString();
            using SepReader reader = Sep.Reader(o => o with { HasHeader = false, Sep = new Sep(','), Unescape = true }).FromText(written + "\n");
            Assert.True(reader.MoveNext());
            string read = reader.Current[0].ToString();
            Assert.Equal(value, read.StartsWith('\'') ? read[1..] : read);
            Assert.False(CsvOutput.NeedsApostrophe(read) && !read.StartsWith('\''), written);
        }
    }
}
