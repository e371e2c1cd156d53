using ContractOutcomes.Domain.Organisations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Admin.Organisations;

/// <summary>
/// What the organisation forms post. Choices are bound as text and parsed here, so a missing or tampered
/// value reaches the use case as "not chosen" and gets its content-style message, not a binding error.
/// </summary>
public sealed class OrganisationInput
{
    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? OrganisationType { get; set; }

    public bool IsNotForProfit { get; set; }

    public int? ExpectedVersion { get; set; }

    public OrganisationKind? ParsedKind => Parse<OrganisationKind>(Kind);

    public Domain.Organisations.OrganisationType? ParsedOrganisationType => Parse<Domain.Organisations.OrganisationType>(OrganisationType);

    /// <summary>The named member only: Enum.TryParse would also accept numbers, even ones that name no member.</summary>
    private static T? Parse<T>(string? text)
        where T : struct, Enum =>
        text is { Length: > 0 } && char.IsLetter(text[0]) && Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : null;
}

public static class OrganisationOptions
{
    public static IEnumerable<SelectListItem> Kinds { get; } =
        [.. Enum.GetValues<OrganisationKind>().Select(k => new SelectListItem(k.DisplayName(), k.ToString()))];

    public static IEnumerable<SelectListItem> Types { get; } =
        [.. Enum.GetValues<OrganisationType>().Select(t => new SelectListItem(t.DisplayName(), t.ToString()))];

    /// <summary>A single checkbox bound to a bool: its value is "True", the text a bool formats to.</summary>
    public static IEnumerable<SelectListItem> NotForProfit { get; } =
        [new SelectListItem("It is a not-for-profit organisation", bool.TrueString)];
}
