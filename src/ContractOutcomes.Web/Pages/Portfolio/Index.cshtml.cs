using System.Globalization;
using ContractOutcomes.Application.Performance.GetPortfolio;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Organisations;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Portfolio;

/// <summary>
/// The portfolio dashboard: every contract the user may see, with its overall position, escalation stage,
/// outstanding returns and money year to date, and summaries across them. The filter is a GET form, so a
/// filtered view works without JavaScript and can be bookmarked or shared.
/// </summary>
public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public string? ProviderId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? OrganisationType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ServiceArea { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public PortfolioView Portfolio { get; private set; } = default!;

    /// <summary>False when the filter has errors: the page then shows them and no contracts.</summary>
    public bool ShowResults { get; private set; }

    public bool IsFiltered =>
        !string.IsNullOrWhiteSpace(ProviderId) || !string.IsNullOrWhiteSpace(OrganisationType) || !string.IsNullOrWhiteSpace(ServiceArea)
        || !string.IsNullOrWhiteSpace(Stage) || !string.IsNullOrWhiteSpace(Period);

    public IReadOnlyList<SelectListItem> ProviderOptions =>
        [new("Any provider", string.Empty), .. Portfolio.Options.Providers.Select(o => new SelectListItem(o.Text, o.Value))];

    public IReadOnlyList<SelectListItem> OrganisationTypeOptions =>
        [new("Any organisation type", string.Empty), .. Portfolio.Options.OrganisationTypes.Select(o => new SelectListItem(o.Text, o.Value))];

    public IReadOnlyList<SelectListItem> ServiceAreaOptions =>
        [new("Any service area", string.Empty), .. Portfolio.Options.ServiceAreas.Select(a => new SelectListItem(a, a))];

    public IReadOnlyList<SelectListItem> StageOptions =>
        [new("Any stage", string.Empty), .. Portfolio.Options.Stages.Select(o => new SelectListItem(o.Text, o.Value))];

    /// <summary>Periods as their slugs ("2026-27-Q2"), which read cleanly in an address; the use case reads both forms.</summary>
    public IReadOnlyList<SelectListItem> PeriodOptions =>
        [new("Latest evaluated period", string.Empty), .. Portfolio.Options.Periods.Select(p => new SelectListItem(p, p.Replace(' ', '-')))];

    // The use case's property names are the field names here.
    protected override string FieldPrefix => string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var request = FilterRequest();
        if (request is not null)
        {
            var (succeeded, portfolio) = await TrySendAsync(request, cancellationToken);
            if (succeeded)
            {
                Portfolio = portfolio!;
                ShowResults = true;
                return;
            }
        }

        // The filter lists still come from every contract the user may see.
        Portfolio = await Mediator.Send(new GetPortfolio(), cancellationToken);
    }

    /// <summary>The request the filter describes, or null (with the errors in ModelState) when a choice is not one of the options.</summary>
    private GetPortfolio? FilterRequest()
    {
        var type = Choice<OrganisationType>(OrganisationType, nameof(OrganisationType), "Select an organisation type from the list");
        var stage = Choice<EscalationStage>(Stage, nameof(Stage), "Select an escalation stage from the list");
        return ModelState.IsValid
            ? new GetPortfolio(Blank(ProviderId), type, Blank(ServiceArea), stage, Blank(Period))
            : null;
    }

    // Names only: a number would parse as an enum value, and the form never sends one.
    private TEnum? Choice<TEnum>(string? value, string field, string message)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return parsed;
        }

        ModelState.AddModelError(field, message);
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
