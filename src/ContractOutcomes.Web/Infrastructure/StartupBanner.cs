using ContractOutcomes.Infrastructure.Persistence;
using ContractOutcomes.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ContractOutcomes.Web.Infrastructure;

/// <summary>Tells whoever started the app where it is and how to sign in.</summary>
public static class StartupBanner
{
    public static void Register(WebApplication app, DatabaseState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var settings = app.Services.GetRequiredService<ContractOutcomes.Infrastructure.DatabaseSettings>();
            var text = new System.Text.StringBuilder();
            text.AppendLine();
            text.AppendLine("ContractOutcomes is running.");
            foreach (var address in addresses)
            {
                text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  Open {address}");
            }

            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  Database: {settings.FilePath ?? "(configured connection string)"}");
            var demo = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoDataOptions>>().Value;
            if (demo.Load)
            {
                using var scope = app.Services.CreateScope();
                var folder = scope.ServiceProvider.GetRequiredService<DemoDataLoader>().Folder;
                var accounts = DemoDataLoader.ReadAccountsAsync(folder, CancellationToken.None).GetAwaiter().GetResult();
                text.AppendLine("  Demo sign-in accounts (demo data only; never use these passwords for real data):");
                foreach (var account in accounts)
                {
                    text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    {account.Role,-14} {account.Email,-34} {account.Password,-26} {account.Organisation}");
                }
            }
            else if (!state.HasUsers)
            {
                text.AppendLine("  No users yet. Create the first administrator with:");
                text.AppendLine("    dotnet run --project src/ContractOutcomes.Web -- create-admin --email you@example.org --name \"Your Name\" --organisation \"Your Council\"");
            }

            Console.WriteLine(text.ToString());
        });
    }
}
