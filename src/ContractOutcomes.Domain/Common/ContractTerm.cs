namespace ContractOutcomes.Domain.Common;

/// <summary>The dates a contract runs between, and the reporting periods they cover.</summary>
public sealed record ContractTerm
{
    public const int LongestTermInYears = 25;

    private ContractTerm(DateOnly start, DateOnly end)
    {
        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public ReportingPeriod FirstPeriod => ReportingPeriod.Containing(Start);

    public ReportingPeriod LastPeriod => ReportingPeriod.Containing(End);

    public IReadOnlyList<ReportingPeriod> Periods => ReportingPeriod.Range(FirstPeriod, LastPeriod);

    public static ContractTerm Of(DateOnly start, DateOnly end)
    {
        if (end <= start)
        {
            throw new BusinessRuleException("The end date must be after the start date", "TermEnd");
        }

        if (end > start.AddYears(LongestTermInYears))
        {
            throw new BusinessRuleException(
                $"The term must be {LongestTermInYears} years or shorter", "TermEnd");
        }

        if (start.Year < 2000 || end.Year > 2098)
        {
            throw new BusinessRuleException("The term must fall between the years 2000 and 2098", "TermStart");
        }

        return new ContractTerm(start, end);
    }

    public bool Covers(ReportingPeriod period) => period >= FirstPeriod && period <= LastPeriod;
}
