using ContractOutcomes.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractOutcomes.Web.Pages.Account;

/// <summary>
/// Email and password sign-in. Every failure that could tell an attacker whether an account exists (no such
/// user, a disabled user, a wrong password) gets the same message; only a lockout says more, because the
/// person at the keyboard needs to know to wait.
/// </summary>
[AllowAnonymous]
public sealed partial class SignInModel(SignInManager<AppUser> signInManager, ILogger<SignInModel> logger) : PageModel
{
    public const string FailedMessage = "Enter a correct email address and password";
    public const string LockedOutMessage = "Your account is locked because of too many failed sign-in attempts. Try again in 15 minutes.";

    // Checked against when there is no usable account, so a missing account takes as long to refuse as a wrong password.
    private static readonly Lazy<string> UnusableAccountHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    /// <summary>Where to go after signing in; bound from the <c>ReturnUrl</c> the cookie handler adds. Only local paths are used.</summary>
    [BindProperty(SupportsGet = true, Name = "ReturnUrl")]
    public string? ReturnTo { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("~/") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var email = Input.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            ModelState.AddModelError("Input.Email", "Enter your email address");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signInManager.UserManager.FindByEmailAsync(email!);
        if (user is null || user.IsDisabled)
        {
            signInManager.UserManager.PasswordHasher.VerifyHashedPassword(user ?? new AppUser(), UnusableAccountHash.Value, Input.Password!);
            ModelState.AddModelError("Input.Email", FailedMessage);
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(!string.IsNullOrEmpty(ReturnTo) && Url.IsLocalUrl(ReturnTo) ? ReturnTo : "~/");
        }

        if (result.IsLockedOut)
        {
            LockedOut(logger, user.Id);
            ModelState.AddModelError(string.Empty, LockedOutMessage);
            return Page();
        }

        ModelState.AddModelError("Input.Email", FailedMessage);
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: user {UserId} is locked out after too many failed attempts")]
    private static partial void LockedOut(ILogger logger, string userId);
}

public sealed class SignInInput
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
