using ContractOutcomes.Infrastructure.Pipeline;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Infrastructure;
using ContractOutcomes.Infrastructure.Persistence;
using ContractOutcomes.Web.Api;
using ContractOutcomes.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);

builder.Services
    .AddAuthentication(options =>
    {
        options.DefaultScheme = IdentityConstants.ApplicationScheme;
        options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
    })
    .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, _ => { })
    .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(options =>
    {
        options.LoginPath = "/Account/SignIn";
        options.LogoutPath = "/Account/SignOut";
        options.AccessDeniedPath = "/Error/403";
        options.Cookie.Name = "ContractOutcomes.Auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;

        // Answer 403 on the page asked for (rendered by the status code pages), rather than redirecting.
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }));
builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(Policies.Administrator, policy => policy.RequireRole(Roles.Administrator))
    .AddPolicy(Policies.Commissioner, policy => policy.RequireRole(Roles.Commissioner))
    .AddPolicy(Policies.Provider, policy => policy.RequireRole(Roles.Provider))
    .AddPolicy(Policies.Api, policy => policy
        .AddAuthenticationSchemes(AccessTokenAuthenticationHandler.SchemeName)
        .RequireAuthenticatedUser());

builder.Services.AddRazorPages(options =>
{
    options.Conventions.ConfigureFilter(new NotFoundAndForbiddenPageFilter());
    options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
    options.Conventions.AllowAnonymousToPage("/Account/SignIn");
    options.Conventions.AllowAnonymousToFolder("/Error");
});
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "ContractOutcomes.Antiforgery";
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddExceptionHandler<AppExceptionHandler>();
builder.Services.AddProblemDetails();
builder.Services.AddContractOutcomesApi();

// Unreadable request bodies throw, so the failure policy can say what was wrong with them.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

var app = builder.Build();

if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(app, args);
}

await using (var scope = app.Services.CreateAsyncScope())
{
    var state = await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync(app.Lifetime.ApplicationStopping);
    StartupBanner.Register(app, state);
}

await StartupWork.RunAsync(app);

// API failures become problem details in AppExceptionHandler; anything else re-executes the error page.
app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error/500" });
// Pages get the GOV.UK-style error pages; API responses with no body (unknown route, wrong method) get problem details.
app.UseWhen(context => !IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/Error/{0}"));
app.UseWhen(IsApi, api => api.UseStatusCodePages());
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapContractOutcomesApi();
app.MapRazorPages();

await app.RunAsync();
return 0;

static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

/// <summary>Entry point, public so tests can host the app.</summary>
public partial class Program;
