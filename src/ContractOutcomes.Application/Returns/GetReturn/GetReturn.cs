using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;
using MediatR;

namespace ContractOutcomes.Application.Returns.GetReturn;

/// <summary>Where a period's return stands. NotYetOpen and NotStarted have no stored return behind them.</summary>
public enum ReturnState
{
    NotYetOpen = 0,
    NotStarted = 1,
    Draft = 2,
    Submitted = 3,
    Queried = 4,
    Accepted = 5,
}

public sealed record QueryView(Guid Id, int Round, string Comment, string RaisedByName, DateTimeOffset RaisedAt, bool IsOpen);

/// <summary>
/// One indicator's line of a return. <see cref="Rating"/> is set only once the return is accepted: only
/// accepted figures are rated.
/// </summary>
public sealed record ReturnLineView(
    Guid IndicatorId,
    string Name,
    string Definition,
    IndicatorUnit Unit,
    Polarity Polarity,
    string? NumeratorLabel,
    string? DenominatorLabel,
    decimal? Target,
    decimal? Value,
    decimal? Numerator,
    decimal? Denominator,
    string? Commentary,
    bool MissesTarget,
    bool CommentaryRequired,
    PerformanceRating? Rating,
    bool IsRestated,
    IReadOnlyList<QueryView> Queries);

public sealed record EvidenceView(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, string UploadedByName, DateTimeOffset UploadedAt);

public sealed record RestatementView(
    Guid Id,
    int Number,
    Guid IndicatorId,
    string IndicatorName,
    IndicatorUnit Unit,
    decimal? PreviousValue,
    decimal? PreviousNumerator,
    decimal? PreviousDenominator,
    decimal ProposedValue,
    decimal? ProposedNumerator,
    decimal? ProposedDenominator,
    string? ProposedCommentary,
    string Reason,
    RestatementStatus Status,
    string ProposedByName,
    DateTimeOffset ProposedAt,
    string? DecidedByName,
    DateTimeOffset? DecidedAt,
    string? DecisionNote);

public sealed record ReturnEventView(int Number, ReturnEventKind Kind, string Description, string ActorName, DateTimeOffset OccurredAt);

/// <summary>Something that stops the return being submitted, and the indicator it is about.</summary>
public sealed record ReturnProblem(Guid? IndicatorId, string Message);

/// <summary>What the current user may do with the return now.</summary>
public sealed record ReturnPermissions(bool Edit, bool Submit, bool Withdraw, bool Review, bool ProposeRestatement, bool DecideRestatement);

public sealed record ReturnView(
    Guid ContractId,
    string ContractReference,
    string ContractTitle,
    string ProviderName,
    string Period,
    string PeriodSlug,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    Guid? ReturnId,
    ReturnState State,
    int Version,
    DateOnly? DueOn,
    int DaysLate,
    string? NotOpenReason,
    DateTimeOffset? FirstSubmittedAt,
    DateTimeOffset? SubmittedAt,
    string? SubmittedByName,
    DateTimeOffset? AcceptedAt,
    string? AcceptedByName,
    DateTimeOffset? LastChangedAt,
    string? LastChangedByName,
    IReadOnlyList<ReturnLineView> Lines,
    IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<RestatementView> Restatements,
    IReadOnlyList<ReturnEventView> History,
    IReadOnlyList<ReturnProblem> SubmissionProblems,
    ReturnPermissions Can);

/// <summary>One period's return for a contract, with everything the return pages show.</summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record GetReturn(Guid ContractId, string Period) : IQuery<ReturnView>;

public sealed class GetReturnHandler(IReadStore store, ICurrentUser user, IReportingCalendar calendar, IClock clock) : IRequestHandler<GetReturn, ReturnView>
{
    public async Task<ReturnView> Handle(GetReturn request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = ReturnAccess.ParsePeriod(request.Period);
        var contractId = new ContractId(request.ContractId);
        var contract = await store.FirstOrDefaultAsync(store.Contracts.Where(c => c.Id == contractId), cancellationToken).ConfigureAwait(false);
        if (contract is null || !ReturnAccess.CanSee(contract, user) || contract.Status == ContractStatus.Draft || !contract.Term.Covers(period))
        {
            throw new NotFoundException("The return");
        }

        var providerName = await store.FirstOrDefaultAsync(
            store.Organisations.Where(o => o.Id == contract.ProviderId).Select(o => o.Name), cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var saved = await store.FirstOrDefaultAsync(store.Returns.Where(r => r.ContractId == contractId && r.Period == period), cancellationToken).ConfigureAwait(false);
        return ReturnViews.Build(contract, providerName, period, saved, user, calendar, clock.Today);
    }
}

internal static class ReturnViews
{
    public static ReturnView Build(
        Contract contract, string providerName, ReportingPeriod period, QuarterlyReturn? saved, ICurrentUser user, IReportingCalendar calendar, DateOnly today)
    {
        var notOpen = saved is null ? QuarterlyReturn.WhyNoReturn(contract, period, today) : null;
        var state = saved is null ? (notOpen is null ? ReturnState.NotStarted : ReturnState.NotYetOpen) : StateOf(saved.Status);
        var dueOn = saved?.DueOn ?? calendar.DueDate(period);
        var daysLate = saved?.DaysLate(today) ?? (state == ReturnState.NotStarted ? ReportingSchedule.DaysLate(dueOn, null, today) : 0);
        var isProvider = user.IsInRole(Roles.Provider) && contract.ProviderId == user.OrganisationId;
        var isCommissioner = user.IsInRole(Roles.Commissioner) && contract.CommissionerId == user.OrganisationId;
        var editable = state is ReturnState.NotStarted or ReturnState.Draft or ReturnState.Queried;
        // A draft is the provider's work in progress: the commissioner sees figures once they are submitted.
        var hideDraft = state == ReturnState.Draft && !isProvider;
        var lines = contract.Indicators.OrderBy(i => i.DisplayOrder).Select(indicator =>
        {
            var figure = hideDraft ? null : saved?.FigureFor(indicator.Id);
            var target = indicator.TargetFor(period);
            var value = figure?.Figure;
            var misses = value is not null && target is { } t && value.Misses(t, indicator.Polarity);
            PerformanceRating? rating = state == ReturnState.Accepted && value is not null && target is { } tt && indicator.ToleranceFor(period) is { } tolerance
                ? tolerance.Rate(tt, value.Value, indicator.Polarity)
                : null;
            var queries = saved?.Queries.Where(q => q.IndicatorId == indicator.Id).OrderBy(q => q.RaisedAt)
                .Select(q => new QueryView(q.Id, q.Round, q.Comment, q.RaisedByName, q.RaisedAt, q.IsOpen)).ToArray() ?? [];
            return new ReturnLineView(
                indicator.Id.Value, indicator.Name, indicator.Definition, indicator.Unit, indicator.Polarity, indicator.NumeratorLabel, indicator.DenominatorLabel,
                target, figure?.Value, figure?.Numerator, figure?.Denominator, figure?.Commentary, misses, misses, rating, figure?.IsRestated ?? false, queries);
        }).ToArray();
        var names = contract.Indicators.ToDictionary(i => i.Id, i => (i.Name, i.Unit));
        var restatements = saved?.Restatements.OrderBy(r => r.Number).Select(r => new RestatementView(
            r.Id, r.Number, r.IndicatorId.Value, names.TryGetValue(r.IndicatorId, out var n) ? n.Name : "Removed indicator", names.TryGetValue(r.IndicatorId, out var u) ? u.Unit : IndicatorUnit.Count,
            r.PreviousValue, r.PreviousNumerator, r.PreviousDenominator, r.ProposedValue, r.ProposedNumerator, r.ProposedDenominator, r.ProposedCommentary,
            r.Reason, r.Status, r.ProposedByName, r.ProposedAt, r.DecidedByName, r.DecidedAt, r.DecisionNote)).ToArray() ?? [];
        var pendingRestatement = restatements.Any(r => r.Status == RestatementStatus.Proposed);
        var problems = saved is not null && saved.CanBeEdited && isProvider ? saved.SubmissionProblems(contract)
                .Select(p => new ReturnProblem(Guid.TryParse(p.PropertyName, out var indicatorId) ? indicatorId : null, p.Message)).ToArray()
            : [];
        return new ReturnView(
            contract.Id.Value,
            contract.Reference,
            contract.Title,
            providerName,
            period.Label,
            period.Slug,
            period.StartDate,
            period.EndDate,
            saved?.Id.Value,
            state,
            saved?.Version ?? 0,
            dueOn,
            daysLate,
            notOpen,
            saved?.FirstSubmittedAt,
            saved?.SubmittedAt,
            saved?.SubmittedByName,
            saved?.AcceptedAt,
            saved?.AcceptedByName,
            saved?.LastChangedAt,
            saved?.LastChangedByName,
            lines,
            hideDraft ? [] : saved?.Evidence.OrderBy(e => e.UploadedAt).Select(e => new EvidenceView(e.Id, e.FileName, e.ContentType, e.SizeBytes, e.Sha256, e.UploadedByName, e.UploadedAt)).ToArray() ?? [],
            restatements,
            saved?.History.OrderByDescending(e => e.Number).Select(e => new ReturnEventView(e.Number, e.Kind, e.Description, e.ActorName, e.OccurredAt)).ToArray() ?? [],
            problems,
            new ReturnPermissions(
                Edit: isProvider && editable,
                Submit: isProvider && editable && saved is not null && problems.Length == 0,
                Withdraw: isProvider && state == ReturnState.Submitted,
                Review: isCommissioner && state == ReturnState.Submitted,
                ProposeRestatement: isProvider && state == ReturnState.Accepted,
                DecideRestatement: isCommissioner && pendingRestatement));
    }

    public static ReturnState StateOf(ReturnStatus status) => status switch
    {
        ReturnStatus.Draft => ReturnState.Draft,
        ReturnStatus.Submitted => ReturnState.Submitted,
        ReturnStatus.Queried => ReturnState.Queried,
        _ => ReturnState.Accepted,
    };
}
