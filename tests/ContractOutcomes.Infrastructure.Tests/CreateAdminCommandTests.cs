using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ContractOutcomes.Infrastructure.Tests;

/// <summary>The create-admin verb, run as a real process the way an operator runs it on a new installation.</summary>
public sealed class CreateAdminCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("co-create-admin-").FullName;

    private async Task<(int ExitCode, string Output)> Run(string email, string password)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ContractOutcomes.Web.dll"), "create-admin", "--email", email, "--name", "First Administrator", "--organisation", "Mercia County Council" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = _folder,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Path"] = Path.Combine(_folder, "co.db");
        start.Environment["CO_ADMIN_PASSWORD"] = password;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task CreateAdmin_EmptyInstallation_CreatesTheAdministratorOnceOnly()
    {
        var first = await Run("first.admin@example.org", "a-long-first-passphrase");
        var second = await Run("second.admin@example.org", "another-long-passphrase");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Created administrator first.admin@example.org", first.Output, StringComparison.Ordinal);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already has users", second.Output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "co.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(Email) FROM AspNetUsers";
        Assert.Equal("first.admin@example.org", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task CreateAdmin_ShortPassword_IsRefusedWithTheReason()
    {
        var result = await Run("first.admin@example.org", "short");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Password must be 12 characters or more", result.Output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "co.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM Organisations";
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
