namespace ContractOutcomes.Domain.Contracts;

/// <summary>The terms of a contract that a commissioner sets while it is a draft.</summary>
public sealed record ContractDetails(
    string Reference,
    string Title,
    string ServiceArea,
    DateOnly TermStart,
    DateOnly TermEnd,
    decimal AnnualValue,
    EligibilityRule Eligibility,
    bool IsLightTouch);
