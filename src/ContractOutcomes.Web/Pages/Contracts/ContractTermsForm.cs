using ContractOutcomes.Application.Contracts.GetContract;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Organisations;
using ContractOutcomes.Web.Forms;
using ContractOutcomes.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts;

/// <summary>The terms of a draft contract as typed: the fields of the create and change pages.</summary>
public sealed class ContractTermsForm
{
    public string? Reference { get; set; }

    public string? Title { get; set; }

    public string? ServiceArea { get; set; }

    public Guid? ProviderId { get; set; }

    public DateInput TermStart { get; set; } = new();

    public DateInput TermEnd { get; set; } = new();

    public string? AnnualValue { get; set; }

    public EligibilityKind? Eligibility { get; set; }

    public IList<OrganisationType> EligibleOrganisationTypes { get; } = [];

    public bool IsLightTouch { get; set; }

    /// <summary>The types to send: only when the eligibility rule is a list of types.</summary>
    public IReadOnlyList<OrganisationType> TypesToSend =>
        Eligibility == EligibilityKind.SpecificOrganisationTypes ? [.. EligibleOrganisationTypes] : [];

    public static ContractTermsForm From(ContractView contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var form = new ContractTermsForm
        {
            Reference = contract.Reference,
            Title = contract.Title,
            ServiceArea = contract.ServiceArea,
            ProviderId = contract.ProviderId,
            TermStart = DateInput.From(contract.TermStart),
            TermEnd = DateInput.From(contract.TermEnd),
            AnnualValue = ContractDisplay.Editable(contract.AnnualValue.Amount),
            Eligibility = contract.Eligibility,
            IsLightTouch = contract.IsLightTouch,
        };
        foreach (var type in contract.EligibleOrganisationTypes)
        {
            form.EligibleOrganisationTypes.Add(type);
        }

        return form;
    }

    /// <summary>Reads the dates and the annual value; adds a message beside each one that cannot be read.</summary>
    public ParsedTerms Parse(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return new ParsedTerms(
            modelState.Date("Input.TermStart", TermStart, "Start date"),
            modelState.Date("Input.TermEnd", TermEnd, "End date"),
            modelState.Number("Input.AnnualValue", AnnualValue, "Annual value"));
    }
}

public sealed record ParsedTerms(DateOnly? TermStart, DateOnly? TermEnd, decimal? AnnualValue);

/// <summary>What the shared contract-terms fields (<c>_ContractTermsFields</c>) need from their page.</summary>
public interface IContractTermsPage
{
    ContractTermsForm Input { get; }

    IReadOnlyList<SelectListItem> ProviderOptions { get; }
}

public static class ContractTermsOptions
{
    public static IReadOnlyList<SelectListItem> Eligibility { get; } =
    [
        new("Any provider", nameof(EligibilityKind.AnyProvider)),
        new("Not-for-profit providers only", nameof(EligibilityKind.NotForProfitOnly)),
        new("Only these organisation types", nameof(EligibilityKind.SpecificOrganisationTypes)),
    ];

    public static IReadOnlyList<SelectListItem> OrganisationTypes { get; } =
        ContractDisplay.Options<OrganisationType>(t => t.DisplayName());
}
