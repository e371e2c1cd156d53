using ContractOutcomes.Application.Users.CreateFirstAdministrator;
using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Infrastructure.Persistence;
using MediatR;

namespace ContractOutcomes.Web.Infrastructure;

/// <summary>
/// Command-line verbs run instead of the web server. <c>create-admin</c> makes the first administrator
/// of a new installation; the password comes from the CO_ADMIN_PASSWORD environment variable or is
/// typed at a prompt, never from the command line where it would be kept in shell history.
/// </summary>
public static class CommandLine
{
    public const string CreateAdmin = "create-admin";

    public static bool IsVerb(string[] args) => Array.IndexOf(args, CreateAdmin) >= 0;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        string? Option(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        var email = Option("--email");
        var name = Option("--name");
        var organisation = Option("--organisation");
        if (email is null || name is null || organisation is null)
        {
            await Console.Error.WriteLineAsync(
                "Usage: create-admin --email <email> --name \"<full name>\" --organisation \"<commissioning body>\"\n" +
                "The password is read from CO_ADMIN_PASSWORD, or asked for when that is not set.");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("CO_ADMIN_PASSWORD") ?? ReadPassword();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync(CancellationToken.None);
        try
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateFirstAdministrator(email, name, organisation, password));
            await Console.Out.WriteLineAsync($"Created administrator {email} at {organisation}. Start the app and sign in.");
            return 0;
        }
        catch (InputValidationException e)
        {
            foreach (var message in e.Errors.SelectMany(x => x.Value))
            {
                await Console.Error.WriteLineAsync(message);
            }
        }
        catch (BusinessRuleException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
        }

        return 1;
    }

    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? string.Empty;
        }

        Console.Write("Password (12 characters or more): ");
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return password.ToString();
    }
}
