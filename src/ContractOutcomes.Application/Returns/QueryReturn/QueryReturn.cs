using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Domain.Common;
using MediatR;

namespace ContractOutcomes.Application.Returns.QueryReturn;

/// <summary>A question about one indicator's figure.</summary>
public sealed record QueryQuestion(Guid IndicatorId, string? Comment);

/// <summary>Sends a submitted return back to the provider with a question about each listed indicator.</summary>
[AuthorizeRoles(Roles.Commissioner)]
public sealed record QueryReturn(Guid ContractId, string Period, int? ExpectedVersion, IReadOnlyList<QueryQuestion>? Questions) : ICommand<int>;

public sealed class QueryReturnHandler(IContractRepository contracts, IReturnRepository returns, IClock clock, ICurrentUser user)
    : IRequestHandler<QueryReturn, int>
{
    public async Task<int> Handle(QueryReturn request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (contract, quarterlyReturn) = await ReturnAccess.LoadForCommissionerAsync(
            contracts, returns, user, request.ContractId, request.Period, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var questions = request.Questions ?? [];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            var indicator = contract.Indicators.FirstOrDefault(x => x.Id.Value == questions[i].IndicatorId);
            if (indicator is null)
            {
                errors[$"Questions[{i}].IndicatorId"] = ["This is not an indicator of the contract"];
            }
            else if (string.IsNullOrWhiteSpace(questions[i].Comment))
            {
                errors[$"Questions[{i}].Comment"] = [$"Enter your question about {indicator.Name}"];
            }
        }

        if (questions.Count == 0)
        {
            errors["Questions"] = ["Select at least one indicator to query"];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        quarterlyReturn.Query(
            contract,
            [.. questions.Select(q => (new IndicatorId(q.IndicatorId), q.Comment!))],
            user.AsActor(),
            clock.Now);
        return quarterlyReturn.Version;
    }
}
