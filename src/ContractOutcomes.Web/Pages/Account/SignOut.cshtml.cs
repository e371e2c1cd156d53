using ContractOutcomes.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractOutcomes.Web.Pages.Account;

/// <summary>
/// Signing out is a POST (with an antiforgery token), so another site cannot sign someone out with a link or an image.
/// GET shows a page with the button. Anonymous visitors are let in so that an expired session goes straight to sign in.
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<AppUser> signInManager) : PageModel
{
    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Account/SignIn");

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();
        TempData["StatusMessage"] = "You have signed out";
        return RedirectToPage("/Account/SignIn");
    }
}
