using System.Globalization;
using ContractOutcomes.Application.AccessTokens.CreateAccessToken;
using ContractOutcomes.Application.AccessTokens.ListAccessTokens;
using ContractOutcomes.Application.AccessTokens.RevokeAccessToken;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Account;

/// <summary>
/// The signed-in user's personal access tokens for the API. A new token's secret is shown once, in the response
/// to the POST that created it (not through TempData, which would store it in a cookie), and never cached.
/// </summary>
public sealed class TokensModel(IMediator mediator, TimeProvider clock) : AppPageModel(mediator)
{
    public static readonly IReadOnlyList<int> ExpiryDays = [30, 90, 180, 365];

    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public IReadOnlyList<AccessTokenSummary> Tokens { get; private set; } = [];

    /// <summary>Set only in the response to a successful create.</summary>
    public NewAccessToken? Created { get; private set; }

    public IEnumerable<SelectListItem> ExpiryOptions =>
        ExpiryDays.Select(days => new SelectListItem($"{days} days", days.ToString(CultureInfo.InvariantCulture)));

    public string SiteAddress => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tokens = await Mediator.Send(new ListAccessTokens(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        int? days = int.TryParse(Input.ExpiresInDays, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && ExpiryDays.Contains(parsed)
            ? parsed
            : null;
        var (succeeded, created) = await TrySendAsync(new CreateAccessToken(Input.Name, days), cancellationToken);
        if (succeeded)
        {
            // Rendered, not redirected: the secret must not travel through TempData or be kept by a cache or the back button.
            Response.Headers.CacheControl = "no-store";
            Response.Headers.Pragma = "no-cache";
            Created = created;
            ModelState.Clear();
            Input = new TokenInput();
        }

        Tokens = await Mediator.Send(new ListAccessTokens(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await Mediator.Send(new RevokeAccessToken(id), cancellationToken);
        StatusMessage = "Access token revoked. Anything still using it can no longer call the API.";
        return RedirectToPage();
    }

    public TokenStatus StatusOf(AccessTokenSummary token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.RevokedAt is not null ? TokenStatus.Revoked
            : token.ExpiresAt <= clock.GetUtcNow() ? TokenStatus.Expired
            : TokenStatus.Active;
    }
}

public sealed class TokenInput
{
    public string? Name { get; set; }

    /// <summary>Bound as text, so a tampered value is reported as "Select when the token expires", not a binding error.</summary>
    public string? ExpiresInDays { get; set; }
}

public enum TokenStatus
{
    Active,
    Expired,
    Revoked,
}

/// <summary>Dates and times as GOV.UK writes them ("4 June 2026", "4 June 2026 at 3:05pm"), in UK time.</summary>
public static class UkDateTimes
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo UkTime = FindUkTime();

    public static string Date(DateTimeOffset value) => ToUk(value).ToString("d MMMM yyyy", EnglishUk);

    public static string DateAndTime(DateTimeOffset value)
    {
        var local = ToUk(value);
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var minutes = local.Minute == 0 ? string.Empty : ":" + local.Minute.ToString("00", EnglishUk);
        return string.Create(EnglishUk, $"{local:d MMMM yyyy} at {hour}{minutes}{(local.Hour < 12 ? "am" : "pm")}");
    }

    private static DateTime ToUk(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, UkTime).DateTime;

    private static TimeZoneInfo FindUkTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
