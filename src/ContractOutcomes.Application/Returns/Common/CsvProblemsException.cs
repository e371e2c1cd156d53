using ContractOutcomes.Application.Returns.Csv;

namespace ContractOutcomes.Application.Returns.Common;

/// <summary>An uploaded file was refused as a whole; each problem names its line and column.</summary>
public sealed class CsvProblemsException : Exception
{
    public CsvProblemsException(IReadOnlyList<CsvProblem> problems)
        : base("The file was not imported: " + string.Join(" ", (problems ?? []).Select(p => p.Message)))
    {
        ArgumentNullException.ThrowIfNull(problems);
        Problems = problems;
    }

    public CsvProblemsException()
        : this([])
    {
    }

    public CsvProblemsException(string message)
        : base(message) => Problems = [new CsvProblem(0, null, message)];

    public CsvProblemsException(string message, Exception innerException)
        : base(message, innerException) => Problems = [new CsvProblem(0, null, message)];

    public IReadOnlyList<CsvProblem> Problems { get; }
}
