using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Application.Returns.Common;

/// <summary>One indicator's figure as entered: a value, or a numerator and denominator for a percentage or rate.</summary>
public sealed record FigureInput(Guid IndicatorId, decimal? Value, decimal? Numerator, decimal? Denominator, string? Commentary);

internal static class FigureInputs
{
    /// <summary>
    /// Checks every entry against its indicator and reports each problem against the entry's own field
    /// (for example <c>Figures[2].Denominator</c>), so a form can show it beside the right box.
    /// </summary>
    public static IReadOnlyList<FigureEntry> ToEntries(Contract contract, IReadOnlyList<FigureInput>? inputs, string collection = "Figures")
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var entries = new List<FigureEntry>();
        var given = inputs ?? [];
        var seen = new HashSet<Guid>();
        for (var i = 0; i < given.Count; i++)
        {
            var input = given[i];
            var prefix = $"{collection}[{i}].";
            var indicator = contract.Indicators.FirstOrDefault(x => x.Id.Value == input.IndicatorId);
            if (indicator is null)
            {
                errors[prefix + "IndicatorId"] = ["This is not an indicator of the contract"];
                continue;
            }

            if (!seen.Add(input.IndicatorId))
            {
                errors[prefix + "IndicatorId"] = [$"{indicator.Name} is given more than once"];
                continue;
            }

            var entry = new FigureEntry(indicator.Id, input.Value, input.Numerator, input.Denominator, input.Commentary);
            if (input.Commentary is { Length: > ReturnFigure.CommentaryMaxLength })
            {
                errors[prefix + "Commentary"] = [$"The commentary on {indicator.Name} must be {ReturnFigure.CommentaryMaxLength} characters or fewer"];
            }

            if (input.Value is not null || input.Numerator is not null || input.Denominator is not null)
            {
                foreach (var problem in Figure.Check(indicator, input.Value, input.Numerator, input.Denominator))
                {
                    var key = prefix + (problem.PropertyName ?? "Value");
                    errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, problem.Message] : [problem.Message];
                }
            }

            entries.Add(entry);
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        return entries;
    }
}
