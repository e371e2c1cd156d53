namespace ContractOutcomes.Application.Returns.Csv;

/// <summary>
/// An uploaded file cannot be read as CSV text at all (wrong encoding or not a text file). The message is
/// written for the person who uploaded it.
/// </summary>
public sealed class CsvTextException : Exception
{
    public CsvTextException(string message)
        : base(message)
    {
    }

    public CsvTextException()
        : base("The file cannot be read as text")
    {
    }

    public CsvTextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
