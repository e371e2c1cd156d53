using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Web.Pages.Contracts;

/// <summary>A table of rating bands (<c>_RatingBands</c>) with its caption.</summary>
public sealed record RatingBandsView(string Caption, IReadOnlyList<RatingBand> Bands);
