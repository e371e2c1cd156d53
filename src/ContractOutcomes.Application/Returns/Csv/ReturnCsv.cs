using System.Globalization;
using System.Text.RegularExpressions;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using CsvHelper;

namespace ContractOutcomes.Application.Returns.Csv;

/// <summary>An indicator a return file may report, with the target shown in the template.</summary>
public sealed record ReturnCsvIndicator(
    Guid Id,
    string Name,
    IndicatorUnit Unit,
    decimal? Target,
    string? NumeratorLabel,
    string? DenominatorLabel);

/// <summary>The return a file is uploaded to, or downloaded for.</summary>
public sealed record ReturnCsvContext(
    string ContractReference,
    ReportingPeriod Period,
    IReadOnlyList<ReturnCsvIndicator> Indicators);

/// <summary>
/// The figures for one indicator. For a ratio unit (<see cref="ContractDisplayNames.IsRatio"/>) read from
/// a file, <see cref="Value"/> is calculated from the numerator and denominator, to 4 decimal places.
/// </summary>
/// <param name="Line">The line of the file the row starts on; 0 for figures that did not come from a file.</param>
public sealed record ReturnCsvRow(
    Guid IndicatorId,
    int Line,
    decimal? Value,
    decimal? Numerator,
    decimal? Denominator,
    string? Commentary);

/// <summary>
/// Something wrong with an uploaded file. <see cref="Line"/> is the 1-based line of the file (the header
/// is line 1, and lines inside quoted cells count), or 0 when the problem is with the file as a whole
/// (empty, too large, not text); <see cref="Column"/> is the column's header, or null when the problem is
/// with the whole file or row.
/// </summary>
public sealed record CsvProblem(int Line, string? Column, string Message);

/// <summary>The rows of a return file, or every problem with it.</summary>
public sealed record ReturnCsvResult(IReadOnlyList<ReturnCsvRow> Rows, IReadOnlyList<CsvProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// The CSV format of a quarterly return: one row per indicator, which a provider downloads as a template,
/// fills in a spreadsheet and uploads. Reading validates the whole file and reports every problem, so the
/// caller can import all the rows or none.
/// </summary>
public static partial class ReturnCsv
{
    public const int MaxBytes = 1_048_576;
    public const int MaxRows = 500;
    public const int CommentaryMaxLength = 2000;

    private const string ContractReferenceColumn = "Contract reference";
    private const string PeriodColumn = "Period";
    private const string IndicatorColumn = "Indicator";
    private const string UnitColumn = "Unit";
    private const string TargetColumn = "Target";
    private const string ValueColumn = "Value";
    private const string NumeratorColumn = "Numerator";
    private const string DenominatorColumn = "Denominator";
    private const string CommentaryColumn = "Commentary";

    /// <summary>How far a value given beside a numerator and denominator may be from the one they give.</summary>
    private const decimal RatioValueTolerance = 0.05m;

    private const int RatioValueDecimals = 4;

    public static readonly IReadOnlyList<string> Headers = Array.AsReadOnly(
    [
        ContractReferenceColumn,
        PeriodColumn,
        IndicatorColumn,
        UnitColumn,
        TargetColumn,
        ValueColumn,
        NumeratorColumn,
        DenominatorColumn,
        CommentaryColumn,
    ]);

    // Unit and Target are there for the person filling the file in; reading ignores them.
    private static readonly string[] RequiredColumns =
    [
        ContractReferenceColumn,
        PeriodColumn,
        IndicatorColumn,
        ValueColumn,
        NumeratorColumn,
        DenominatorColumn,
        CommentaryColumn,
    ];

    private static readonly CsvReaderOptions ReaderOptions = CsvReaderOptions.Default with
    {
        // The header is matched here, leniently, so that every problem with it can be reported.
        HasHeader = false,

        // Not detected: a file with one column would otherwise be read with whatever separator its
        // commentary happens to contain most of.
        Separator = ',',
        TrackLineNumbers = true,
        SkipEmptyLines = true,
    };

    /// <summary>
    /// The file a provider fills in: a row per indicator in the order given, with its unit and target
    /// and the figures already entered, if any.
    /// </summary>
    public static byte[] WriteTemplate(ReturnCsvContext context, IReadOnlyDictionary<Guid, ReturnCsvRow>? existing)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = context.Indicators.Select(indicator =>
        {
            var figures = existing?.GetValueOrDefault(indicator.Id);
            return (IReadOnlyList<string?>)
            [
                context.ContractReference,
                context.Period.Label,
                indicator.Name,
                indicator.Unit.DisplayName(),
                CsvCells.Number(indicator.Target),
                CsvCells.Number(figures?.Value),
                CsvCells.Number(figures?.Numerator),
                CsvCells.Number(figures?.Denominator),
                figures?.Commentary,
            ];
        });
        return CsvExport.Write(Headers, rows);
    }

    /// <summary>Reads and checks an uploaded return file. It never throws for a bad file.</summary>
    public static ReturnCsvResult Read(ReadOnlySpan<byte> file, ReturnCsvContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (file.IsEmpty)
        {
            return Failed("The file is empty");
        }

        if (file.Length > MaxBytes)
        {
            return Failed("The file must be smaller than 1 MB");
        }

        string text;
        try
        {
            text = CsvText.Decode(file);
        }
        catch (CsvTextException e)
        {
            return Failed(e.Message);
        }

        return new ReturnFileReader(context).Read(text);
    }

    /// <summary>A problem with the file as a whole, which stops it being read.</summary>
    private static ReturnCsvResult Failed(string message) => new([], [new CsvProblem(0, null, message)]);

    /// <summary>Trimmed, with runs of whitespace (non-breaking spaces too) as one space.</summary>
    private static string Normalise(string text) => Whitespace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    // Digits with optional thousands separators ("1,234") and decimals; nothing else. A comma in any
    // other place ("1,23") is refused rather than guessed at, as it is a decimal comma in much of Europe.
    [GeneratedRegex(@"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();

    private sealed class ReturnFileReader(ReturnCsvContext context)
    {
        private readonly Dictionary<string, ReturnCsvIndicator> _indicators = IndexIndicators(context.Indicators);
        private readonly Dictionary<Guid, int> _firstLines = [];
        private readonly List<ReturnCsvRow> _rows = [];
        private readonly List<CsvProblem> _problems = [];
        private readonly string _contractReference = Normalise(context.ContractReference);
        private Dictionary<string, int> _columns = new(StringComparer.Ordinal);

        public ReturnCsvResult Read(string text)
        {
            var options = ReaderOptions with { OnMalformedRecord = OnMalformedRecord };
            using var reader = CsvReader.FromText(text, options);
            var headerRead = false;
            var dataRows = 0;
            while (reader.Read())
            {
                var line = checked((int)reader.LineNumber);
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = CsvCells.Unescape(reader.GetString(i));
                }

                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (!headerRead)
                {
                    headerRead = true;
                    if (!ReadHeader(cells, line))
                    {
                        break;
                    }

                    continue;
                }

                var row = new RowCells(cells, _columns, line);
                if (row.HasNothingToImport)
                {
                    continue;
                }

                if (++dataRows > MaxRows)
                {
                    _problems.Add(new CsvProblem(line, null, $"The file must have no more than {MaxRows} rows of figures, one for each indicator"));
                    break;
                }

                ReadRow(row);
            }

            if (!headerRead)
            {
                return Failed("The file is empty");
            }

            return _problems.Count == 0 ? new ReturnCsvResult(_rows, []) : new ReturnCsvResult([], _problems);
        }

        private static Dictionary<string, ReturnCsvIndicator> IndexIndicators(IReadOnlyList<ReturnCsvIndicator> indicators)
        {
            var index = new Dictionary<string, ReturnCsvIndicator>(StringComparer.OrdinalIgnoreCase);
            foreach (var indicator in indicators)
            {
                index.TryAdd(Normalise(indicator.Name), indicator);
            }

            return index;
        }

        private void OnMalformedRecord(CsvMalformedRecord record)
        {
            // Other quoting slips (a stray quote in "5" screen") read sensibly and are let through; an
            // unclosed quote swallows everything after it.
            if (record.Reason == CsvMalformedReason.UnterminatedQuote)
            {
                _problems.Add(new CsvProblem(
                    checked((int)record.LineNumber),
                    null,
                    "A quote mark (\") on this line is not closed, so the rest of the file cannot be read. Remove it or add the closing quote"));
            }
        }

        private bool ReadHeader(string[] cells, int line)
        {
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < cells.Length; i++)
            {
                var name = Headers.FirstOrDefault(h => string.Equals(h, Normalise(cells[i]), StringComparison.OrdinalIgnoreCase));
                if (name is not null && !columns.TryAdd(name, i))
                {
                    _problems.Add(new CsvProblem(line, name, $"The column '{name}' appears more than once"));
                }
            }

            var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).Select(c => $"'{c}'").ToArray();
            if (missing.Length > 0)
            {
                var list = missing.Length == 1 ? missing[0] : string.Join(", ", missing[..^1]) + " and " + missing[^1];
                _problems.Add(new CsvProblem(
                    line,
                    null,
                    $"The first row must be the column headings. The file has no {(missing.Length == 1 ? "column" : "columns")} called {list}"));
            }

            _columns = columns;
            return _problems.Count == 0;
        }

        private void ReadRow(RowCells row)
        {
            var problemsBefore = _problems.Count;
            CheckContractReference(row);
            CheckPeriod(row);
            var indicator = FindIndicator(row);
            if (indicator is null)
            {
                // The unit is unknown, but figures that are not numbers at all can still be pointed out.
                TryNumber(row, ValueColumn, allowSymbols: true, out _);
                TryNumber(row, NumeratorColumn, allowSymbols: false, out _);
                TryNumber(row, DenominatorColumn, allowSymbols: false, out _);
                CheckCommentary(row, "this row");
                return;
            }

            if (row.HasNoFigures)
            {
                // Not reported yet: allowed, and the return can be completed later.
                return;
            }

            var figures = indicator.Unit.IsRatio() ? ReadRatio(row, indicator) : ReadSingleValue(row, indicator);
            var commentary = CheckCommentary(row, indicator.Name);
            if (_problems.Count == problemsBefore && figures is { } f)
            {
                _rows.Add(new ReturnCsvRow(indicator.Id, row.Line, f.Value, f.Numerator, f.Denominator, commentary));
            }
        }

        private void CheckContractReference(RowCells row)
        {
            var given = Normalise(row[ContractReferenceColumn]);
            if (given.Length == 0)
            {
                Add(row, ContractReferenceColumn, $"Enter the contract reference, {context.ContractReference}");
            }
            else if (!string.Equals(given, _contractReference, StringComparison.OrdinalIgnoreCase))
            {
                Add(row, ContractReferenceColumn, $"This file is for contract {given}; you are uploading to {context.ContractReference}");
            }
        }

        private void CheckPeriod(RowCells row)
        {
            var given = Normalise(row[PeriodColumn]);
            if (given.Length == 0)
            {
                Add(row, PeriodColumn, $"Enter the period, {context.Period.Label}");
            }
            else if (!ReportingPeriod.TryParse(given, out var period))
            {
                Add(row, PeriodColumn, $"'{Shorten(given)}' is not a reporting period; use the form {context.Period.Label}");
            }
            else if (period != context.Period)
            {
                Add(row, PeriodColumn, $"This file is for {period.Label}; you are uploading the return for {context.Period.Label}");
            }
        }

        private ReturnCsvIndicator? FindIndicator(RowCells row)
        {
            var name = Normalise(row[IndicatorColumn]);
            if (name.Length == 0)
            {
                Add(row, IndicatorColumn, "Enter the name of the indicator the figures are for");
                return null;
            }

            if (!_indicators.TryGetValue(name, out var indicator))
            {
                Add(row, IndicatorColumn, $"'{Shorten(name)}' is not an indicator of this contract");
                return null;
            }

            if (!_firstLines.TryAdd(indicator.Id, row.Line))
            {
                Add(row, IndicatorColumn, $"'{indicator.Name}' appears more than once (first on line {_firstLines[indicator.Id]})");
            }

            return indicator;
        }

        private Figures? ReadRatio(RowCells row, ReturnCsvIndicator indicator)
        {
            var name = indicator.Name;
            var valueOk = TryNumber(row, ValueColumn, allowSymbols: indicator.Unit == IndicatorUnit.Percentage, out var value);
            var numeratorOk = TryNumber(row, NumeratorColumn, allowSymbols: false, out var numerator);
            var denominatorOk = TryNumber(row, DenominatorColumn, allowSymbols: false, out var denominator);
            if (!valueOk || !numeratorOk || !denominatorOk)
            {
                return null;
            }

            if (numerator is null || denominator is null)
            {
                Add(row, numerator is null ? NumeratorColumn : DenominatorColumn, $"Enter the numerator and the denominator for {name}: the value is calculated from them");
                return null;
            }

            var countsOk = CheckCount(row, NumeratorColumn, numerator.Value, $"The numerator for {name}", allowZero: true);
            countsOk &= CheckCount(row, DenominatorColumn, denominator.Value, $"The denominator for {name}", allowZero: false);
            if (!countsOk)
            {
                return null;
            }

            if (indicator.Unit == IndicatorUnit.Percentage && numerator > denominator)
            {
                Add(row, NumeratorColumn, $"The numerator for {name} must not be more than the denominator");
                return null;
            }

            var scale = indicator.Unit == IndicatorUnit.Percentage ? 100m : 10_000m;
            var calculated = numerator.Value / denominator.Value * scale;
            var invalid = OutcomeIndicator.WhyInvalid(indicator.Unit, calculated, $"The value for {name}");
            if (invalid is not null)
            {
                Add(row, NumeratorColumn, invalid);
                return null;
            }

            if (value is { } given && Math.Abs(given - calculated) > RatioValueTolerance)
            {
                Add(
                    row,
                    ValueColumn,
                    $"The value for {name} is {indicator.Unit.Format(given)}, but the numerator and denominator give {indicator.Unit.Format(calculated)}. Correct the value or leave it blank");
                return null;
            }

            var rounded = Math.Round(calculated, RatioValueDecimals, MidpointRounding.AwayFromZero);
            return new Figures(rounded, numerator, denominator);
        }

        private Figures? ReadSingleValue(RowCells row, ReturnCsvIndicator indicator)
        {
            var name = indicator.Name;
            var problems = _problems.Count;
            if (!row.IsBlank(NumeratorColumn) || !row.IsBlank(DenominatorColumn))
            {
                Add(
                    row,
                    row.IsBlank(NumeratorColumn) ? DenominatorColumn : NumeratorColumn,
                    $"{name} is reported as a single value; leave Numerator and Denominator blank");
            }

            if (row.IsBlank(ValueColumn))
            {
                Add(row, ValueColumn, $"Enter the value for {name}");
                return null;
            }

            if (!TryNumber(row, ValueColumn, allowSymbols: indicator.Unit == IndicatorUnit.Money, out var value))
            {
                return null;
            }

            var invalid = OutcomeIndicator.WhyInvalid(indicator.Unit, value!.Value, $"The value for {name}");
            if (invalid is not null)
            {
                Add(row, ValueColumn, invalid);
            }

            return _problems.Count == problems ? new Figures(value, null, null) : null;
        }

        private bool CheckCount(RowCells row, string column, decimal count, string what, bool allowZero)
        {
            var problem = count < 0 ? $"{what} must be 0 or more"
                : !allowZero && count == 0 ? $"{what} must be more than 0"
                : decimal.Truncate(count) != count ? $"{what} must be a whole number"
                : null;
            if (problem is not null)
            {
                Add(row, column, problem);
            }

            return problem is null;
        }

        private string? CheckCommentary(RowCells row, string what)
        {
            var commentary = row[CommentaryColumn].ReplaceLineEndings("\n").Trim();
            if (commentary.Length > CommentaryMaxLength)
            {
                Add(row, CommentaryColumn, string.Create(CultureInfo.InvariantCulture, $"The commentary for {what} must be {CommentaryMaxLength:N0} characters or fewer"));
            }

            return commentary.Length == 0 ? null : commentary;
        }

        /// <summary>
        /// Reads a figure: blank is null. Surrounding spaces and thousands separators are allowed, and
        /// with <paramref name="allowSymbols"/> the "%" or "£" that a spreadsheet's cell format adds
        /// when it saves CSV.
        /// </summary>
        private bool TryNumber(RowCells row, string column, bool allowSymbols, out decimal? value)
        {
            value = null;
            var raw = row[column].Trim();
            if (raw.Length == 0)
            {
                return true;
            }

            var text = raw;
            if (allowSymbols)
            {
                text = text.EndsWith('%') ? text[..^1].TrimEnd() : text;
                text = text.StartsWith('£') ? text[1..].TrimStart() : text;
            }

            if (PlainNumber().IsMatch(text)
                && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                value = number;
                return true;
            }

            Add(row, column, $"'{Shorten(raw)}' is not a number");
            return false;
        }

        private void Add(RowCells row, string column, string message) => _problems.Add(new CsvProblem(row.Line, column, message));

        private static string Shorten(string text)
        {
            const int max = 60;
            var oneLine = Normalise(text);
            return oneLine.Length <= max ? oneLine : string.Concat(oneLine.AsSpan(0, max), "…");
        }
    }

    private readonly record struct Figures(decimal? Value, decimal? Numerator, decimal? Denominator);

    /// <summary>One data row, by column header; a column the row is too short for reads as blank.</summary>
    private sealed class RowCells(string[] cells, Dictionary<string, int> columns, int line)
    {
        public int Line { get; } = line;

        public string this[string column] =>
            columns.TryGetValue(column, out var index) && index < cells.Length ? cells[index] : string.Empty;

        /// <summary>No indicator, figures or commentary: whatever else the row holds, it reports nothing.</summary>
        public bool HasNothingToImport =>
            IsBlank(IndicatorColumn) && IsBlank(ValueColumn) && IsBlank(NumeratorColumn) && IsBlank(DenominatorColumn) && IsBlank(CommentaryColumn);

        /// <summary>Nothing reported for the indicator yet: the row is allowed and yields no figures.</summary>
        public bool HasNoFigures =>
            IsBlank(ValueColumn) && IsBlank(NumeratorColumn) && IsBlank(DenominatorColumn) && IsBlank(CommentaryColumn);

        public bool IsBlank(string column) => string.IsNullOrWhiteSpace(this[column]);
    }
}
