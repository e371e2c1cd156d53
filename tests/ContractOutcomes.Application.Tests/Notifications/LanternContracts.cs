using ContractOutcomes.Application.Contracts.ActivateContract;
using ContractOutcomes.Application.Contracts.SetTargets;
using ContractOutcomes.Application.Contracts.SetTolerance;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Application.Returns.SaveReturnDraft;
using ContractOutcomes.Application.Returns.SubmitReturn;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Infrastructure.Identity;
using ContractOutcomes.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContractOutcomes.Application.Tests.Notifications;

/// <summary>
/// A new active contract with Lantern Young People's Voice (Jess Morgan) for each test that changes returns, so
/// the audit and notification tests never touch a demo return another test relies on. Its term starts in April
/// 2026, so its 2026-27 Q1 and Q2 returns are open today.
/// </summary>
internal static class LanternContracts
{
    public const string Jess = "jess.morgan@example.com";
    public const string Tom = "tom.harding@example.org";
    public const string Provider = "Lantern Young People's Voice";
    public const string IndicatorName = "Young people who felt listened to";

    public static async Task<(Guid ContractId, Guid IndicatorId, string Reference)> NewAsync(ApplicationFixture app)
    {
        var reference = ContractRequests.NewReference();
        var provider = await app.OrganisationId(Provider);
        var contractId = await app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Draft(provider, reference));
        var indicatorId = await app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Indicator(contractId, IndicatorName));
        await app.SendAs(ApplicationFixture.Commissioner, new SetTargets(contractId, indicatorId, null, 75m, null));
        await app.SendAs(ApplicationFixture.Commissioner, new SetTolerance(contractId, indicatorId, null, ToleranceMode.Absolute, 0m, 3m, 8m));
        await app.SendAs(ApplicationFixture.Commissioner, new ActivateContract(contractId, null, false));
        return (contractId, indicatorId, reference);
    }

    /// <summary>Saves Jess's figure (above the 75% target unless told otherwise) and returns the return's version.</summary>
    public static Task<int> SaveAsync(ApplicationFixture app, Guid contractId, Guid indicatorId, string period, int numerator = 80, string? commentary = null) =>
        app.SendAs(Jess, new SaveReturnDraft(contractId, period, null, [new FigureInput(indicatorId, null, numerator, 100, commentary)]));

    public static async Task SubmitAsync(ApplicationFixture app, Guid contractId, Guid indicatorId, string period)
    {
        await SaveAsync(app, contractId, indicatorId, period);
        await app.SendAs(Jess, new SubmitReturn(contractId, period, null));
    }

    public static Task<string> UserIdAsync(ApplicationFixture app, string email) =>
        app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Sends a request at a chosen moment, as a demo user or (with no email) as the system.</summary>
    public static async Task<T> SendAt<T>(this ApplicationFixture app, DateTimeOffset moment, string? email, IRequest<T> request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<Clock>().Set(moment);
        if (email is not null)
        {
            var user = await provider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
                ?? throw new InvalidOperationException($"No user {email}.");
            provider.GetRequiredService<CurrentUser>().RunAs(await provider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user));
        }

        return await provider.GetRequiredService<IMediator>().Send(request);
    }
}
