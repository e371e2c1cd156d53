using System.Text.Json;
using System.Text.Json.Serialization;
using ContractOutcomes.Application.Contracts.ActivateContract;
using ContractOutcomes.Application.Contracts.AddIndicator;
using ContractOutcomes.Application.Contracts.CreateDraftContract;
using ContractOutcomes.Application.Contracts.SetTargets;
using ContractOutcomes.Application.Contracts.SetTolerance;
using ContractOutcomes.Application.Escalation.RecordEscalationDecision;
using ContractOutcomes.Application.Escalation.SetEscalationRules;
using ContractOutcomes.Application.Incentives.Common;
using ContractOutcomes.Application.Incentives.DefineIncentiveScheme;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.AcceptReturn;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Application.Returns.DecideRestatement;
using ContractOutcomes.Application.Returns.ProposeRestatement;
using ContractOutcomes.Application.Returns.QueryReturn;
using ContractOutcomes.Application.Returns.SaveReturnDraft;
using ContractOutcomes.Application.Returns.SubmitReturn;
using ContractOutcomes.Application.Organisations.CreateOrganisation;
using ContractOutcomes.Application.Performance.ReevaluateContracts;
using ContractOutcomes.Application.Users.CreateFirstAdministrator;
using ContractOutcomes.Application.Users.CreateUser;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Incentives;
using ContractOutcomes.Domain.Organisations;
using ContractOutcomes.Infrastructure.Identity;
using ContractOutcomes.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ContractOutcomes.Infrastructure.Seeding;

public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>Load the demo portfolio into an empty database at start-up.</summary>
    public bool Load { get; set; }

    /// <summary>The folder holding the seed files; defaults to <c>seeds/</c> at the repository root.</summary>
    public string? Path { get; set; }
}

public sealed record DemoDataSummary(int Organisations, int Users, int Contracts, int Returns, IReadOnlyList<DemoAccount> Accounts);

public sealed record DemoAccount(string Email, string Role, string Organisation, string Password);

/// <summary>
/// Loads the demo portfolio in <c>seeds/</c> by sending the same requests the UI sends, as the same
/// kinds of user, so demo data can never break a rule that real data must keep.
/// </summary>
public sealed class DemoDataLoader(
    IServiceScopeFactory scopes,
    IOptions<DemoDataOptions> options,
    IHostEnvironment environment)
{
    private string? _actingAs;
    private DateTimeOffset? _at;
    private readonly Dictionary<string, System.Security.Claims.ClaimsPrincipal> _principals = new(StringComparer.OrdinalIgnoreCase);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static async Task<IReadOnlyList<DemoAccount>> ReadAccountsAsync(string folder, CancellationToken cancellationToken)
    {
        var organisations = await ReadAsync<List<SeedOrganisation>>(folder, "organisations.json", cancellationToken).ConfigureAwait(false);
        var seedUsers = await ReadAsync<List<SeedUser>>(folder, "users.json", cancellationToken).ConfigureAwait(false);
        return [.. seedUsers.Select(u => new DemoAccount(u.Email, u.Role, organisations.Single(o => o.Key == u.Organisation).Name, u.Password))];
    }

    public string Folder => options.Value.Path is { Length: > 0 } path
        ? System.IO.Path.GetFullPath(path, environment.ContentRootPath)
        : System.IO.Path.Combine(RepositoryPaths.FindRoot(environment.ContentRootPath) ?? environment.ContentRootPath, "seeds");

    public async Task<DemoDataSummary> LoadAsync(CancellationToken cancellationToken)
    {
        var folder = Folder;
        var organisations = await ReadAsync<List<SeedOrganisation>>(folder, "organisations.json", cancellationToken).ConfigureAwait(false);
        var seedUsers = await ReadAsync<List<SeedUser>>(folder, "users.json", cancellationToken).ConfigureAwait(false);
        var contracts = await ReadAsync<List<SeedContract>>(folder, "contracts.json", cancellationToken).ConfigureAwait(false);
        var returns = await ReadAsync<List<SeedReturn>>(folder, "returns.json", cancellationToken).ConfigureAwait(false);
        var escalations = await ReadAsync<List<SeedEscalationDecision>>(folder, "escalations.json", cancellationToken).ConfigureAwait(false);

        // The story starts before the first contract does, so that its history reads in time order.
        _at = new DateTimeOffset(contracts.Min(c => c.TermStart).AddDays(-120).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

        var administrator = seedUsers.FirstOrDefault(u => u.Role == Roles.Administrator)
            ?? throw new InvalidOperationException("seeds/users.json must include an Administrator.");
        var administratorOrganisation = organisations.Single(o => o.Key == administrator.Organisation);
        await SendAsync(
            new CreateFirstAdministrator(administrator.Email, administrator.DisplayName, administratorOrganisation.Name, administrator.Password),
            cancellationToken).ConfigureAwait(false);
        _actingAs = administrator.Email;

        var organisationIds = new Dictionary<string, Guid>(StringComparer.Ordinal)
        {
            [administratorOrganisation.Key] = await OrganisationOfAsync(administrator.Email).ConfigureAwait(false),
        };
        foreach (var organisation in organisations.Where(o => o.Key != administratorOrganisation.Key))
        {
            organisationIds[organisation.Key] = await SendAsync(
                new CreateOrganisation(organisation.Name, organisation.Kind, organisation.OrganisationType, organisation.NotForProfit),
                cancellationToken).ConfigureAwait(false);
        }

        foreach (var user in seedUsers.Where(u => u != administrator))
        {
            await SendAsync(
                new CreateUser(user.Email, user.DisplayName, user.Role, organisationIds[user.Organisation], user.Password),
                cancellationToken).ConfigureAwait(false);
        }

        var indicatorIds = new Dictionary<string, (Guid ContractId, Dictionary<string, Guid> Indicators)>(StringComparer.Ordinal);
        foreach (var contract in contracts)
        {
            var commissioner = seedUsers.FirstOrDefault(u => u.Role == Roles.Commissioner && u.Organisation == contract.Commissioner)
                ?? throw new InvalidOperationException($"seeds/users.json has no commissioner at {contract.Commissioner} to create {contract.Reference}.");
            _actingAs = commissioner.Email;
            _at = new DateTimeOffset(contract.TermStart.AddDays(-45).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            indicatorIds[contract.Reference] = await LoadContractAsync(contract, organisationIds, cancellationToken).ConfigureAwait(false);
        }

        // Each return's story, each later restatement and each escalation decision is replayed in the order it
        // happened, so that every evaluation made along the way sees what existed on its day.
        var story = returns.Select(r => (At: r.SavedOn, Act: (Func<Task>)(() => LoadReturnAsync(r, indicatorIds, cancellationToken))))
            .Concat(returns.Where(r => r.Restatement is not null).Select(r => (
                At: r.Restatement!.ProposedOn,
                Act: (Func<Task>)(() => LoadRestatementAsync(r, indicatorIds[r.Contract], cancellationToken)))))
            .Concat(escalations.Select(d => (
                At: d.On,
                Act: (Func<Task>)(() => LoadEscalationDecisionAsync(d, indicatorIds[d.Contract].ContractId, cancellationToken)))))
            .OrderBy(step => step.At);
        foreach (var step in story)
        {
            await step.Act().ConfigureAwait(false);
        }

        _at = null;
        _actingAs = null;

        // Acceptances were evaluated as of their day in the story; bring every contract up to today.
        await SendAsync(new ReevaluateContracts(), cancellationToken).ConfigureAwait(false);
        await MarkOldNotificationsReadAsync(returns, cancellationToken).ConfigureAwait(false);
        return new DemoDataSummary(
            organisations.Count,
            seedUsers.Count,
            contracts.Count,
            returns.Count,
            [.. seedUsers.Select(u => new DemoAccount(u.Email, u.Role, organisations.Single(o => o.Key == u.Organisation).Name, u.Password))]);
    }

    private async Task<(Guid ContractId, Dictionary<string, Guid> Indicators)> LoadContractAsync(
        SeedContract contract, Dictionary<string, Guid> organisationIds, CancellationToken cancellationToken)
    {
        var indicatorIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var contractId = await SendAsync(
            new CreateDraftContract(
                contract.Reference,
                contract.Title,
                contract.ServiceArea,
                organisationIds[contract.Provider],
                contract.TermStart,
                contract.TermEnd,
                contract.AnnualValue,
                contract.Eligibility.Rule,
                contract.Eligibility.OrganisationTypes ?? [],
                contract.LightTouch),
            cancellationToken).ConfigureAwait(false);
        var periods = ReportingPeriod.Range(ReportingPeriod.Containing(contract.TermStart), ReportingPeriod.Containing(contract.TermEnd));
        foreach (var indicator in contract.Indicators)
        {
            var indicatorId = await SendAsync(
                new AddIndicator(
                    contractId,
                    null,
                    indicator.Name,
                    indicator.Definition,
                    indicator.Unit,
                    indicator.Polarity,
                    indicator.RbaQuestion,
                    indicator.DataSource,
                    indicator.NumeratorLabel,
                    indicator.DenominatorLabel,
                    indicator.Baseline?.Value,
                    indicator.Baseline?.Period),
                cancellationToken).ConfigureAwait(false);
            indicatorIds[indicator.Name] = indicatorId;
            if (indicator.Targets is { Count: > 0 } steps)
            {
                await SendAsync(new SetTargets(contractId, indicatorId, null, null, ExpandSteps(steps, periods)), cancellationToken).ConfigureAwait(false);
            }

            if (indicator.Tolerance is { } tolerance)
            {
                await SendAsync(
                    new SetTolerance(contractId, indicatorId, null, tolerance.Mode, tolerance.GoodWithin, tolerance.ApproachingWithin, tolerance.RequiresImprovementWithin),
                    cancellationToken).ConfigureAwait(false);
            }
        }

        if (contract.IncentiveScheme is { } scheme)
        {
            await SendAsync(
                new DefineIncentiveScheme(
                    contractId,
                    null,
                    scheme.ShareAtRiskPercent,
                    scheme.AnnualCap,
                    scheme.TermCap,
                    scheme.ServiceCreditCapPercent,
                    [.. scheme.Indicators.Select(i => new IncentiveInput(
                        indicatorIds[i.Indicator], i.Mechanism, i.WeightPercent, i.GoodPercent, i.ApproachingPercent, i.RequiresImprovementPercent,
                        i.InadequatePercent, i.Floor, i.Stretch, i.BonusCap, i.PricePerOutcome, i.Threshold, i.Cap, i.CreditAmount))]),
                cancellationToken).ConfigureAwait(false);
        }

        if (contract.EscalationRules is { Count: > 0 } rules)
        {
            await SendAsync(
                new SetEscalationRules(
                    contractId,
                    null,
                    [.. rules.Select(r => new EscalationRuleInput(
                        r.Kind, r.Stage, r.Indicator is { } name ? indicatorIds[name] : null, r.AtOrBelow, r.Periods, r.Count, r.Days, r.Score))]),
                cancellationToken).ConfigureAwait(false);
        }

        if (contract.Activate)
        {
            await SendAsync(new ActivateContract(contractId, null, FewerKpisConfirmed: false), cancellationToken).ConfigureAwait(false);
        }

        return (contractId, indicatorIds);
    }

    /// <summary>
    /// Replays one return's story (draft, submission, any query and revision, acceptance, any restatement)
    /// through the return use cases, each step as the person who took it and at the time it happened.
    /// </summary>
    private async Task LoadReturnAsync(
        SeedReturn seed, Dictionary<string, (Guid ContractId, Dictionary<string, Guid> Indicators)> contracts, CancellationToken cancellationToken)
    {
        if (!contracts.TryGetValue(seed.Contract, out var contract))
        {
            throw new InvalidOperationException($"seeds/returns.json has a return for {seed.Contract}, which seeds/contracts.json does not define.");
        }

        List<FigureInput> Figures(Dictionary<string, SeedFigure> figures) =>
        [
            .. figures.Select(f => new FigureInput(
                contract.Indicators.TryGetValue(f.Key, out var id)
                    ? id
                    : throw new InvalidOperationException($"seeds/returns.json names '{f.Key}', which is not an indicator of {seed.Contract}."),
                f.Value.Value,
                f.Value.Numerator,
                f.Value.Denominator,
                f.Value.Commentary)),
        ];

        Step(seed.PreparedBy, seed.SavedOn);
        await SendAsync(new SaveReturnDraft(contract.ContractId, seed.Period, null, Figures(seed.Figures)), cancellationToken).ConfigureAwait(false);
        if (seed.SubmittedOn is not { } submittedOn)
        {
            return;
        }

        Step(seed.PreparedBy, submittedOn);
        await SendAsync(new SubmitReturn(contract.ContractId, seed.Period, null), cancellationToken).ConfigureAwait(false);
        if (seed.Query is { } query)
        {
            Step(query.By, query.On);
            await SendAsync(
                new QueryReturn(contract.ContractId, seed.Period, null, [.. query.Items.Select(i => new QueryQuestion(contract.Indicators[i.Indicator], i.Comment))]),
                cancellationToken).ConfigureAwait(false);
            Step(query.RevisedBy, query.RevisedOn);
            await SendAsync(new SaveReturnDraft(contract.ContractId, seed.Period, null, Figures(query.RevisedFigures)), cancellationToken).ConfigureAwait(false);
            await SendAsync(new SubmitReturn(contract.ContractId, seed.Period, null), cancellationToken).ConfigureAwait(false);
        }

        if (seed.AcceptedBy is { } acceptedBy && seed.AcceptedOn is { } acceptedOn)
        {
            Step(acceptedBy, acceptedOn);
            await SendAsync(new AcceptReturn(contract.ContractId, seed.Period, null), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task LoadEscalationDecisionAsync(SeedEscalationDecision decision, Guid contractId, CancellationToken cancellationToken)
    {
        Step(decision.By, decision.On);
        await SendAsync(new RecordEscalationDecision(contractId, null, decision.Decision, decision.Note, decision.DueOn, decision.ToStage), cancellationToken).ConfigureAwait(false);
    }

    private async Task LoadRestatementAsync(
        SeedReturn seed, (Guid ContractId, Dictionary<string, Guid> Indicators) contract, CancellationToken cancellationToken)
    {
        if (seed.Restatement is { } restatement)
        {
            Step(restatement.ProposedBy, restatement.ProposedOn);
            var figure = restatement.Figure;
            var restatementId = await SendAsync(
                new ProposeRestatement(
                    contract.ContractId, seed.Period, null, contract.Indicators[restatement.Indicator], figure.Value, figure.Numerator, figure.Denominator, figure.Commentary, restatement.Reason),
                cancellationToken).ConfigureAwait(false);
            if (restatement.ApprovedBy is { } approvedBy && restatement.ApprovedOn is { } approvedOn)
            {
                Step(approvedBy, approvedOn);
                await SendAsync(new DecideRestatement(contract.ContractId, seed.Period, null, restatementId, Approve: true, Reason: null), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Step(string email, DateTimeOffset at)
    {
        _actingAs = email;
        _at = at;
    }

    /// <summary>
    /// The history creates a notification for every past submission and decision. People would have read
    /// those long ago; only the last few weeks of the story are left unread, as they would be on a real Monday.
    /// </summary>
    private async Task MarkOldNotificationsReadAsync(IReadOnlyList<SeedReturn> returns, CancellationToken cancellationToken)
    {
        var latest = returns.SelectMany(r => new[] { r.SavedOn, r.SubmittedOn, r.AcceptedOn, r.Query?.RevisedOn, r.Restatement?.ProposedOn, r.Restatement?.ApprovedOn })
            .Where(d => d is not null).Max() ?? DateTimeOffset.MinValue;
        var cutoff = latest.AddDays(-21);
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unread = await db.Notifications.Where(n => n.ReadAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var notification in unread.Where(n => n.CreatedAt < cutoff))
            {
                notification.MarkRead(notification.CreatedAt);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Turns "from this period, this value" steps into one target per period of the term.</summary>
    private static List<PeriodTarget> ExpandSteps(IReadOnlyList<SeedTargetStep> steps, IReadOnlyList<ReportingPeriod> periods)
    {
        var ordered = steps.Select(s => (From: ReportingPeriod.Parse(s.From), s.Value)).OrderBy(s => s.From).ToArray();
        return [.. periods
            .Where(p => p >= ordered[0].From)
            .Select(p => new PeriodTarget(p.Label, ordered.Last(s => s.From <= p).Value))];
    }

    /// <summary>
    /// Sends one request in a scope of its own, as the current demo user, exactly as one web request would.
    /// A fresh scope per request also keeps the change tracker small, so loading stays linear in the data.
    /// </summary>
    private async Task<T> SendAsync<T>(IRequest<T> request, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var provider = scope.ServiceProvider;
            if (_at is { } at)
            {
                provider.GetRequiredService<Clock>().Set(at);
            }

            if (_actingAs is { } email)
            {
                // A user's claims do not change while the demo loads, so each is built once.
                if (!_principals.TryGetValue(email, out var principal))
                {
                    var user = await provider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email).ConfigureAwait(false)
                        ?? throw new InvalidOperationException($"The demo user {email} was not created.");
                    principal = await provider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user).ConfigureAwait(false);
                    _principals[email] = principal;
                }

                provider.GetRequiredService<CurrentUser>().RunAs(principal);
            }

            return await provider.GetRequiredService<IMediator>().Send(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Guid> OrganisationOfAsync(string email)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The demo user {email} was not created.");
            return user.OrganisationId.Value;
        }
    }

    private static async Task<T> ReadAsync<T>(string folder, string file, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The demo data file {path} is missing. Set DemoData:Path to the seeds folder, or DemoData:Load to false.", path);
        }

        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync<T>(stream, Json, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
    }

    private sealed record SeedOrganisation(string Key, string Name, OrganisationKind Kind, OrganisationType? OrganisationType, bool NotForProfit);

    private sealed record SeedUser(string Email, string DisplayName, string Role, string Organisation, string Password);

    private sealed record SeedEligibility(EligibilityKind Rule, IReadOnlyList<OrganisationType>? OrganisationTypes);

    private sealed record SeedBaseline(decimal Value, string Period);

    private sealed record SeedTargetStep(string From, decimal Value);

    private sealed record SeedTolerance(ToleranceMode Mode, decimal GoodWithin, decimal ApproachingWithin, decimal RequiresImprovementWithin);

    private sealed record SeedIndicator(
        string Name,
        string Definition,
        IndicatorUnit Unit,
        Polarity Polarity,
        RbaQuestion RbaQuestion,
        string DataSource,
        string? NumeratorLabel,
        string? DenominatorLabel,
        SeedBaseline? Baseline,
        IReadOnlyList<SeedTargetStep>? Targets,
        SeedTolerance? Tolerance);

    private sealed record SeedFigure(decimal? Value, decimal? Numerator, decimal? Denominator, string? Commentary);

    private sealed record SeedQueryItem(string Indicator, string Comment);

    private sealed record SeedQuery(string By, DateTimeOffset On, IReadOnlyList<SeedQueryItem> Items, DateTimeOffset RevisedOn, string RevisedBy, Dictionary<string, SeedFigure> RevisedFigures);

    private sealed record SeedRestatement(
        string Indicator, SeedFigure Figure, string Reason, string ProposedBy, DateTimeOffset ProposedOn, string? ApprovedBy, DateTimeOffset? ApprovedOn);

    private sealed record SeedReturn(
        string Contract,
        string Period,
        string PreparedBy,
        DateTimeOffset SavedOn,
        Dictionary<string, SeedFigure> Figures,
        DateTimeOffset? SubmittedOn,
        SeedQuery? Query,
        string? AcceptedBy,
        DateTimeOffset? AcceptedOn,
        SeedRestatement? Restatement);

    private sealed record SeedContract(
        string Reference,
        string Title,
        string ServiceArea,
        string Commissioner,
        string Provider,
        DateOnly TermStart,
        DateOnly TermEnd,
        decimal AnnualValue,
        SeedEligibility Eligibility,
        bool LightTouch,
        bool Activate,
        IReadOnlyList<SeedIndicator> Indicators,
        SeedScheme? IncentiveScheme,
        IReadOnlyList<SeedEscalationRule>? EscalationRules);

    private sealed record SeedEscalationDecision(
        string Contract,
        EscalationDecision Decision,
        string By,
        DateTimeOffset On,
        string? Note,
        DateOnly? DueOn,
        EscalationStage? ToStage);

    private sealed record SeedScheme(
        decimal ShareAtRiskPercent,
        decimal? AnnualCap,
        decimal? TermCap,
        decimal? ServiceCreditCapPercent,
        IReadOnlyList<SeedIncentive> Indicators);

    private sealed record SeedIncentive(
        string Indicator,
        IncentiveMechanism Mechanism,
        decimal? WeightPercent,
        decimal? GoodPercent,
        decimal? ApproachingPercent,
        decimal? RequiresImprovementPercent,
        decimal? InadequatePercent,
        decimal? Floor,
        decimal? Stretch,
        decimal? BonusCap,
        decimal? PricePerOutcome,
        decimal? Threshold,
        decimal? Cap,
        decimal? CreditAmount);

    private sealed record SeedEscalationRule(
        EscalationRuleKind Kind,
        EscalationStage Stage,
        string? Indicator,
        PerformanceRating? AtOrBelow,
        int? Periods,
        int? Count,
        int? Days,
        decimal? Score);
}
