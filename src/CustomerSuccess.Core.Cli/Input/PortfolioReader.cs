using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CustomerSuccess.Core.Cli.Infrastructure;
using CustomerSuccess.Core.Cli.Scoring;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Snapshots;
using nietras.SeparatedValues;
using NodaTime;

namespace CustomerSuccess.Core.Cli.Input;

/// <summary>The header of a CSV file: its column names (unquoted) and the delimiter in use.</summary>
internal sealed record CsvHeader(IReadOnlyList<string> Columns, char Delimiter);

/// <summary>What to read from a portfolio besides the signals.</summary>
internal sealed record PortfolioReadOptions(PortfolioColumns Columns, char? Delimiter = null, DuplicatePolicy Duplicates = DuplicatePolicy.Error, string? Positive = null);

/// <summary>
/// Reads a portfolio CSV as a stream straight into a <see cref="PortfolioSnapshotBuilder"/>: no row is kept as text,
/// so memory follows the columnar snapshot (a few bytes per signal per account), not the file. The delimiter is
/// detected from the header unless given. Errors name the physical line (a quoted cell may span lines), the column and
/// at most a short excerpt of the offending text.
/// </summary>
internal static class PortfolioReader
{
    private const int ProgressEvery = 1 << 16;

    /// <summary>Reads only the header.</summary>
    public static CsvHeader ReadHeader(string path, char? delimiter, string option)
    {
        InputFiles.CheckReadable(path, option);
        using SepReader reader = Open(path, delimiter, option);
        return Header(reader, path);
    }

    /// <summary>Reads every account.</summary>
    /// <param name="path">The file, or with <paramref name="text"/> the name of the text in messages.</param>
    /// <param name="schema">The signals to read.</param>
    /// <param name="options">Columns, delimiter, duplicates.</param>
    /// <param name="progress">Called with the number of rows read every 65,536 rows.</param>
    /// <param name="text">CSV text to read instead of a file.</param>
    public static Portfolio Read(string path, PortfolioSchema schema, PortfolioReadOptions options, Action<long>? progress = null, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        ReadState state;
        using (SepReader reader = text is null ? Open(path, options.Delimiter, "--portfolio", wholeFile: true) : Sep.Reader(o => o with { Sep = options.Delimiter is { } d ? new Sep(d) : null, DisableColCountCheck = true, Unescape = false }).FromText(text))
        {
            // Sized after the file was checked (Open), so a missing or unreadable file gets its own message.
            int capacity = text is null ? EstimateRows(path) : Math.Max(16, text.AsSpan().Count('\n'));
            state = new ReadState(path, schema, options, capacity, options.Columns.Owner is not null);
            CsvHeader header = Header(reader, path);
            state.Bind(header);
            try
            {
                foreach (SepReader.Row row in reader)
                {
                    if (CsvCells.IsBlankLine(row))
                    {
                        continue;
                    }

                    state.AddRow(row);
                    if (progress is not null && state.Rows % ProgressEvery == 0)
                    {
                        progress(state.Rows);
                    }
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException or NotSupportedException)
            {
                throw CliException.Input($"{path}: {CsvCells.Excerpt(ex.Message)}");
            }
        }

        return state.Finish();
    }

    /// <summary>Reads one account: stops at its row (or, with <see cref="DuplicatePolicy.Last"/>, scans on for later
    /// rows of the same id without parsing the others).</summary>
    /// <returns>A one-account portfolio, or <see langword="null"/> when no row has that id.</returns>
    public static Portfolio? ReadAccount(string path, PortfolioSchema schema, PortfolioReadOptions options, string accountId)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = new ReadState(path, schema, options with { Columns = options.Columns with { Owner = null, Outcome = null } }, 1, owners: false);
        using SepReader reader = Open(path, options.Delimiter, "--portfolio");
        state.Bind(Header(reader, path));
        bool found = false;
        foreach (SepReader.Row row in reader)
        {
            if (!CsvCells.IsBlankLine(row) && state.IdEquals(row, accountId))
            {
                found = true;
                if (options.Duplicates != DuplicatePolicy.Last)
                {
                    state.AddRow(row);
                    return state.Finish();
                }

                state.Replace(row);
            }
        }

        return found ? state.Finish() : null;
    }

    /// <summary>Opens a CSV file; one that will be read whole is first checked to be UTF-8 (a reader that stops at one
    /// account or at the header does not read on to check).</summary>
    private static SepReader Open(string path, char? delimiter, string option, bool wholeFile = false)
    {
        InputFiles.CheckReadable(path, option);
        if (wholeFile)
        {
            InputFiles.CheckUtf8Text(path, option);
        }

        try
        {
            return Sep.Reader(o => o with
            {
                Sep = delimiter is { } d ? new Sep(d) : null,
                DisableColCountCheck = true,
                Unescape = false,
                HasHeader = true,
            }).FromFile(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw CliException.Input($"{option}: '{path}' cannot be read as CSV: {CsvCells.DescribeReaderError(ex.Message)}");
        }
    }

    private static CsvHeader Header(SepReader reader, string path)
    {
        IReadOnlyList<string> raw = reader.Header.ColNames;
        if (raw.Count == 0 || (raw.Count == 1 && raw[0].Length == 0))
        {
            throw CliException.Input($"{path} is empty; a portfolio starts with a header row naming its columns.");
        }

        var names = new string[raw.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = CsvCells.HeaderName(raw[i]).Trim();
            if (!seen.Add(names[i]))
            {
                throw CliException.Input($"{path}, line 1: the column {CsvCells.Excerpt(names[i])} appears twice in the header.");
            }
        }

        return new CsvHeader(names, reader.Spec.Sep.Separator);
    }

    /// <summary>Estimates the number of rows from the file size and the length of the lines in its first MiB, so that the
    /// snapshot's columns are allocated once at about the right size (they grow if the estimate is short).</summary>
    private static int EstimateRows(string path)
    {
        const int Sample = 1 << 20;
        using FileStream stream = File.OpenRead(path);
        long length = stream.Length;
        byte[] buffer = new byte[(int)Math.Min(Sample, length)];
        int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        ReadOnlySpan<byte> sample = buffer.AsSpan(0, read);
        int headerEnd = sample.IndexOf((byte)'\n');
        if (headerEnd < 0 || read == length)
        {
            return Math.Max(16, sample.Count((byte)'\n') + 1);
        }

        ReadOnlySpan<byte> body = sample[(headerEnd + 1)..];
        int lines = body.Count((byte)'\n');
        if (lines == 0)
        {
            return 1024;
        }

        double bytesPerLine = (double)body[..(body.LastIndexOf((byte)'\n') + 1)].Length / lines;
        return (int)Math.Min(Array.MaxLength, ((length - headerEnd) / bytesPerLine * 1.05) + 64);
    }

    /// <summary>The state of one read: column bindings, the builder, ids, owners, outcomes.</summary>
    private sealed class ReadState
    {
        private readonly string _path;
        private readonly PortfolioSchema _schema;
        private readonly PortfolioReadOptions _options;
        private readonly PortfolioSnapshotBuilder _builder;
        private readonly AccountIds _ids;
        private readonly Dictionary<string, string>?[] _texts;
        private readonly Dictionary<string, int>? _ownerCodes;
        private readonly List<string> _owners = ["(none)"];
        private readonly int[] _signalColumns;
        private char[] _scratch = new char[256];
        private byte[]? _outcomes;
        private BitArray? _dropped;
        private IReadOnlyList<string> _names = [];
        private int _idColumn;
        private int _ownerColumn = -1;
        private int _outcomeColumn = -1;
        private long _blank;
        private int _droppedCount;

        public ReadState(string path, PortfolioSchema schema, PortfolioReadOptions options, int capacity, bool owners)
        {
            _path = path;
            _schema = schema;
            _options = options;
            _builder = new PortfolioSnapshotBuilder(schema, ownerCount: owners ? PortfolioSnapshot.MaxOwners : 1, segmentCount: 0, capacity: capacity);
            _ids = new AccountIds(capacity);
            _signalColumns = new int[schema.Count];
            _texts = new Dictionary<string, string>?[schema.Count];
            for (int i = 0; i < schema.Count; i++)
            {
                _texts[i] = schema.Signals[i].Type == SignalType.Text ? new Dictionary<string, string>(StringComparer.Ordinal) : null;
            }

            _ownerCodes = owners ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
            _outcomes = options.Columns.Outcome is null ? null : new byte[Math.Max(16, capacity)];
        }

        public long Rows { get; private set; }

        public void Bind(CsvHeader header)
        {
            _names = header.Columns;
            int IndexOf(string name)
            {
                for (int i = 0; i < header.Columns.Count; i++)
                {
                    if (string.Equals(header.Columns[i], name, StringComparison.Ordinal))
                    {
                        return i;
                    }
                }

                return -1;
            }

            var missing = new List<string>();
            int Required(string name)
            {
                int index = IndexOf(name);
                if (index < 0)
                {
                    missing.Add($"no column '{name}'.{ScoringPlan.Hint(header.Columns, name, header.Delimiter)}");
                }

                return index;
            }

            _idColumn = Required(_options.Columns.Id);
            for (int i = 0; i < _schema.Count; i++)
            {
                _signalColumns[i] = Required(_schema.Signals[i].Name);
            }

            if (_options.Columns.Owner is { } owner)
            {
                _ownerColumn = Required(owner);
            }

            if (_options.Columns.Outcome is { } outcome)
            {
                _outcomeColumn = Required(outcome);
            }

            if (missing.Count > 0)
            {
                throw CliException.Input($"{_path} has {string.Join(" It has ", missing)} Its columns are {ScoringPlan.ColumnList(header.Columns)}.");
            }
        }

        public bool IdEquals(SepReader.Row row, string id)
        {
            CheckShape(row);
            return Cell(row, _idColumn).SequenceEqual(id);
        }

        public void AddRow(SepReader.Row row)
        {
            Rows++;
            CheckShape(row);
            ReadOnlySpan<char> id = Cell(row, _idColumn);
            if (id.IsWhiteSpace())
            {
                throw Bad(row, _idColumn, "the account id is blank; every row needs one.");
            }

            int account = AddId(row, id);
            if (account >= 0)
            {
                Fill(row, account);
            }
        }

        /// <summary>For a one-account read with <see cref="DuplicatePolicy.Last"/>: the new row replaces the one read.</summary>
        public void Replace(SepReader.Row row)
        {
            if (_builder.AccountCount == 0)
            {
                Fill(row, _builder.AddAccount());
                _ids.Add(Cell(row, _idColumn), out _);
                return;
            }

            Fill(row, 0, existing: true);
        }

        public Portfolio Finish()
        {
            PortfolioSnapshot snapshot = _builder.Build();
            AccountIds ids = _ids;
            byte[]? outcomes = _outcomes is null ? null : _outcomes.AsSpan(0, snapshot.AccountCount).ToArray();
            if (_dropped is not null && _droppedCount > 0)
            {
                _dropped.Length = snapshot.AccountCount;
                snapshot = Compact(snapshot, _dropped);
                ids = _ids.Without(_dropped);
                if (outcomes is not null)
                {
                    var kept = new List<byte>(snapshot.AccountCount);
                    for (int i = 0; i < outcomes.Length; i++)
                    {
                        if (!_dropped[i])
                        {
                            kept.Add(outcomes[i]);
                        }
                    }

                    outcomes = [.. kept];
                }
            }

            return new Portfolio
            {
                Source = _path,
                Snapshot = snapshot,
                Ids = ids,
                Owners = _owners,
                Outcomes = outcomes,
                BlankCells = _blank,
                DroppedDuplicates = _options.Duplicates == DuplicatePolicy.Error ? 0 : _droppedCount,
            };
        }

        private int AddId(SepReader.Row row, ReadOnlySpan<char> id)
        {
            int account;
            int existing;
            try
            {
                account = _ids.Add(id, out existing, replace: _options.Duplicates == DuplicatePolicy.Last);
            }
            catch (ArgumentException ex)
            {
                throw Bad(row, _idColumn, ex.Message);
            }

            if (existing < 0)
            {
                return AddAccount(row);
            }

            switch (_options.Duplicates)
            {
                case DuplicatePolicy.First:
                    _droppedCount++;
                    return -1;
                case DuplicatePolicy.Last:
                    (_dropped ??= new BitArray(Math.Max(64, _builder.AccountCount * 2)))[existing] = true;
                    _droppedCount++;
                    int added = AddAccount(row);
                    if (added != account)
                    {
                        throw new InvalidOperationException("Account ids and snapshot rows are out of step.");
                    }

                    return added;
                default:
                    throw CliException.Input(
                        $"{Where(row)}, column '{_names[_idColumn]}': the account id {CsvCells.Excerpt(id)} appears again (first on line {FirstLineOf(id)}). Ids must be unique; pass --duplicates first or --duplicates last to keep one row.");
            }
        }

        private int AddAccount(SepReader.Row row)
        {
            int owner = 0;
            if (_ownerColumn >= 0)
            {
                ReadOnlySpan<char> name = Cell(row, _ownerColumn).Trim();
                if (!name.IsEmpty)
                {
                    var lookup = _ownerCodes!.GetAlternateLookup<ReadOnlySpan<char>>();
                    if (!lookup.TryGetValue(name, out owner))
                    {
                        if (_owners.Count >= PortfolioSnapshot.MaxOwners)
                        {
                            throw Bad(row, _ownerColumn, $"more than {PortfolioSnapshot.MaxOwners - 1:N0} distinct owners.");
                        }

                        owner = _owners.Count;
                        string text = name.ToString();
                        _ownerCodes.Add(text, owner);
                        _owners.Add(text);
                    }
                }
            }

            int account = _builder.AddAccount(owner);
            if (_dropped is not null && account >= _dropped.Length)
            {
                _dropped.Length = Math.Max(account + 1, _dropped.Length * 2);
            }

            if (_outcomes is not null)
            {
                if (account >= _outcomes.Length)
                {
                    Array.Resize(ref _outcomes, (int)Math.Min(_outcomes.Length * 2L, Array.MaxLength));
                }

                _outcomes[account] = ParseOutcome(row);
            }

            return account;
        }

        private byte ParseOutcome(SepReader.Row row)
        {
            ReadOnlySpan<char> text = Cell(row, _outcomeColumn).Trim();
            if (text.IsEmpty)
            {
                return Outcome.Unknown;
            }

            if (_options.Positive is { } positive)
            {
                return text.Equals(positive, StringComparison.OrdinalIgnoreCase) ? Outcome.Churned : Outcome.Retained;
            }

            return CsvCells.ParseBoolean(text) switch
            {
                true => Outcome.Churned,
                false => Outcome.Retained,
                null => throw Bad(row, _outcomeColumn, $"{CsvCells.Excerpt(text)} is not an outcome: use yes/no, true/false or 1/0, or name the churned value with --positive."),
            };
        }

        private void Fill(SepReader.Row row, int account, bool existing = false)
        {
            for (int i = 0; i < _signalColumns.Length; i++)
            {
                ReadOnlySpan<char> text = Cell(row, _signalColumns[i]).Trim();
                if (text.IsEmpty)
                {
                    _blank++;
                    if (existing)
                    {
                        Clear(account, i);
                    }

                    continue;
                }

                SignalDefinition signal = _schema.Signals[i];
                switch (signal.Type)
                {
                    case SignalType.Number:
                        _builder.SetNumber(account, i, CsvCells.TryParseFiniteNumber(text, out double number)
                            ? number
                            : throw Bad(row, _signalColumns[i], $"{CsvCells.Excerpt(text)} {CsvCells.WhyNotANumber(text)} (the definition reads it as a number; write it like 1234.5, leave the cell blank when unknown)."));
                        break;
                    case SignalType.Text:
                        _builder.SetText(account, i, Intern(row, i, text));
                        break;
                    case SignalType.Date:
                        _builder.SetDate(account, i, CsvCells.TryParseIsoDate(text, out LocalDate date)
                            ? date
                            : throw Bad(row, _signalColumns[i], $"{CsvCells.Excerpt(text)} is not a date written yyyy-MM-dd."));
                        break;
                    default:
                        _builder.SetBoolean(account, i, CsvCells.ParseBoolean(text)
                            ?? throw Bad(row, _signalColumns[i], $"{CsvCells.Excerpt(text)} is not a boolean (true/false, yes/no or 1/0)."));
                        break;
                }
            }
        }

        private void Clear(int account, int column)
        {
            switch (_schema.Signals[column].Type)
            {
                case SignalType.Number:
                    _builder.SetNumber(account, column, null);
                    break;
                case SignalType.Text:
                    _builder.SetText(account, column, null);
                    break;
                case SignalType.Date:
                    _builder.SetDate(account, column, null);
                    break;
                default:
                    _builder.SetBoolean(account, column, null);
                    break;
            }
        }

        private string Intern(SepReader.Row row, int signal, ReadOnlySpan<char> text)
        {
            Dictionary<string, string> values = _texts[signal]!;
            var lookup = values.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out string? interned))
            {
                return interned;
            }

            if (values.Count >= SignalEncoding.MaxTextCode)
            {
                throw Bad(row, _signalColumns[signal], $"{CsvCells.Excerpt(text)} would be distinct value number {SignalEncoding.MaxTextCode + 1}; a text column holds at most {SignalEncoding.MaxTextCode} distinct values (is it an id or a number column?).");
            }

            string value = text.ToString();
            values.Add(value, value);
            return value;
        }

        private void CheckShape(SepReader.Row row)
        {
            // An unclosed quote swallows the rest of the file into one cell: look at every quoted cell, not only the
            // ones the definition reads, so the error names the line where the quote was opened.
            for (int c = 0; c < row.ColCount; c++)
            {
                ReadOnlySpan<char> raw = row[c].Span;
                if (!raw.IsEmpty && raw[0] == '"' && !CsvCells.TryUnquote(raw, ref _scratch, out _))
                {
                    string column = c < _names.Count ? $"column '{_names[c]}'" : $"column {c + 1}";
                    throw CliException.Input($"{_path}, line {row.LineNumberFrom}, {column}: the quoted cell {CsvCells.Excerpt(raw)} is never closed (it runs to line {row.LineNumberToExcl - 1}, the end of the file). Close it with \".");
                }
            }

            if (row.ColCount == _names.Count)
            {
                return;
            }

            throw CliException.Input($"{Where(row)}: {row.ColCount} cells, but the header has {_names.Count} columns: {CsvCells.Excerpt(row.Span)}");
        }

        private ReadOnlySpan<char> Cell(SepReader.Row row, int column)
        {
            ReadOnlySpan<char> raw = row[column].Span;
            if (!CsvCells.TryUnquote(raw, ref _scratch, out ReadOnlySpan<char> value))
            {
                throw CliException.Input($"{_path}, line {row.LineNumberFrom}, column '{_names[column]}': the quoted cell is never closed (it runs to line {row.LineNumberToExcl - 1}). Close the quote with \".");
            }

            return value;
        }

        private string Where(SepReader.Row row) =>
            row.LineNumberToExcl - row.LineNumberFrom > 1
                ? $"{_path}, lines {row.LineNumberFrom}-{row.LineNumberToExcl - 1}"
                : $"{_path}, line {row.LineNumberFrom}";

        private CliException Bad(SepReader.Row row, int column, string what) =>
            CliException.Input($"{Where(row)}, column '{_names[column]}': {what}");

        private string FirstLineOf(ReadOnlySpan<char> id)
        {
            // Only on the error path: scan the file again for the id's first row.
            using SepReader again = Open(_path, _options.Delimiter, "--portfolio");
            char[] scratch = new char[256];
            foreach (SepReader.Row row in again)
            {
                if (row.ColCount > _idColumn && CsvCells.TryUnquote(row[_idColumn].Span, ref scratch, out ReadOnlySpan<char> value) && value.SequenceEqual(id))
                {
                    return row.LineNumberFrom.ToString(CultureInfo.InvariantCulture);
                }
            }

            return "?";
        }

        private PortfolioSnapshot Compact(PortfolioSnapshot from, BitArray dropped)
        {
            var builder = new PortfolioSnapshotBuilder(from.Schema, from.OwnerCount, from.SegmentCount, from.AccountCount - _droppedCount);
            ReadOnlySpan<ushort> owners = from.OwnerCodes;
            for (int i = 0; i < from.AccountCount; i++)
            {
                if (dropped[i])
                {
                    continue;
                }

                int row = builder.AddAccount(owners[i]);
                for (int c = 0; c < from.Schema.Count; c++)
                {
                    switch (from.Schema.Signals[c].Type)
                    {
                        case SignalType.Number:
                            double n = from.GetNumbers(c)[i];
                            builder.SetNumber(row, c, double.IsNaN(n) ? null : n);
                            break;
                        case SignalType.Text:
                            byte code = from.GetTextCodes(c)[i];
                            builder.SetText(row, c, code == SignalEncoding.MissingTextCode ? null : from.GetTextDictionary(c)[code - 1]);
                            break;
                        case SignalType.Date:
                            int day = from.GetDayNumbers(c)[i];
                            builder.SetDate(row, c, day == SignalEncoding.MissingDayNumber ? null : SignalEncoding.FromDayNumber(day));
                            break;
                        default:
                            builder.SetBoolean(row, c, SignalEncoding.FromBooleanCode(from.GetBooleans(c)[i]));
                            break;
                    }
                }
            }

            return builder.Build();
        }
    }
}
