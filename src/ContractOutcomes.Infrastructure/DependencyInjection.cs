using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Users;
using ContractOutcomes.Infrastructure.Calendar;
using ContractOutcomes.Infrastructure.Identity;
using ContractOutcomes.Infrastructure.Persistence;
using ContractOutcomes.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContractOutcomes.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Persistence, identity and the other adapters. The database is SQLite (the embedded default)
    /// unless configuration says otherwise; see docs/adr for why.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var database = DatabaseSettings.From(configuration, environment);
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Clock>();
        services.AddScoped<IClock>(sp => sp.GetRequiredService<Clock>());
        services.Configure<ReturnOptions>(configuration.GetSection(ReturnOptions.Section));
        services.AddSingleton<IReportingCalendar, ReportingCalendar>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<IAuditScope, AuditScope>();
        services.AddScoped<AuditInterceptor>();
        services.AddDbContext<AppDbContext>((sp, options) =>
        {
            options.UseSqlite(database.ConnectionString, sqlite => sqlite
                .MigrationsAssembly(typeof(AppDbContext).Assembly.FullName)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        });
        services.AddScoped<IContractRepository, ContractRepository>();
        services.AddScoped<IOrganisationRepository, OrganisationRepository>();
        services.AddScoped<IReadStore, ReadStore>();
        services.AddScoped<IReturnRepository, ReturnRepository>();
        services.AddScoped<IEvidenceStore, EvidenceStore>();
        services.AddScoped<INotificationRepository, NotificationRepository>();
        services.AddScoped<IPeriodEvaluationRepository, PeriodEvaluationRepository>();
        services.AddScoped<IEscalationCaseRepository, EscalationCaseRepository>();
        services.AddScoped<IEvaluationInputs, EvaluationInputs>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IUserAccounts, UserAccounts>();
        services.AddScoped<AccessTokenStore>();
        services.AddScoped<IAccessTokens>(sp => sp.GetRequiredService<AccessTokenStore>());
        services.AddScoped<DatabaseInitialiser>();
        services.AddScoped<DemoDataLoader>();
        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.Section));

        services.AddIdentityCore<AppUser>(options =>
            {
                // Length over composition (NCSC password guidance): long passphrases, no character rules.
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return services;
    }
}

/// <summary>Where the database is. The embedded default is a SQLite file under the git-ignored data folder.</summary>
public sealed record DatabaseSettings(string ConnectionString, string? FilePath)
{
    public static DatabaseSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var builder = new SqliteConnectionStringBuilder(configured);
            return new DatabaseSettings(configured, builder.DataSource);
        }

        var path = configuration["Database:Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Path.Combine(RepositoryPaths.FindRoot(environment.ContentRootPath) ?? environment.ContentRootPath, "data", "contractoutcomes.db");
        }

        path = Path.GetFullPath(path, environment.ContentRootPath);
        return new DatabaseSettings(
            new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true, Pooling = true }.ToString(),
            path);
    }
}

public static class RepositoryPaths
{
    /// <summary>The nearest folder at or above <paramref name="start"/> that holds the solution file.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContractOutcomes.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
