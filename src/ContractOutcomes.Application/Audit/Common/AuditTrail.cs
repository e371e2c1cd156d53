using System.Globalization;
using System.Text.Json;
using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Audit;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Application.Audit.Common;

/// <summary>One recorded value of a change: "Field: before → after". Null means the field had no value.</summary>
public sealed record AuditFieldChange(string Field, string? Before, string? After)
{
    /// <summary>
    /// "Field: old → new"; "Field: new" for a value that was added and "Field: old → none" for one removed.
    /// Values longer than <paramref name="longestValue"/> characters are cut short with an ellipsis.
    /// </summary>
    public string Describe(int longestValue = int.MaxValue)
    {
        string Cut(string value) => value.Length <= longestValue ? value : string.Concat(value.AsSpan(0, Math.Max(1, longestValue - 1)), "…");
        return Before is null ? $"{Field}: {Cut(After ?? "none")}"
            : After is null ? $"{Field}: {Cut(Before)} → none"
            : $"{Field}: {Cut(Before)} → {Cut(After)}";
    }
}

/// <summary>One audit entry in words; "what" it changed is <see cref="EntityTypeText"/> and <see cref="ShortId"/>.</summary>
public sealed record AuditRow(
    long Id,
    DateTimeOffset OccurredAt,
    string UserName,
    string Action,
    string ActionText,
    string EntityType,
    string EntityTypeText,
    string EntityId,
    string ShortId,
    string? Period,
    string? Indicator,
    AuditChangeKind Change,
    string ChangeText,
    IReadOnlyList<AuditFieldChange> Changes);

public sealed record AuditOption(string Value, string Text);

/// <summary>The values present in a contract's audit trail, for the filter lists.</summary>
public sealed record AuditFilterOptions(
    IReadOnlyList<AuditOption> Actions, IReadOnlyList<AuditOption> EntityTypes, IReadOnlyList<string> Users, IReadOnlyList<string> Periods);

/// <summary>
/// Reads one contract's audit trail for people: who may see it, which entries match a filter, and each
/// entry in words. Shared by the audit page and its CSV export so both always show the same entries.
/// </summary>
internal static class AuditTrail
{
    /// <summary>
    /// The kinds of record that belong to a contract. Only these are ever shown, so entries about user
    /// accounts, roles or access tokens never reach a contract's audit, whoever is reading it.
    /// </summary>
    public static readonly IReadOnlyList<string> ContractEntityTypes =
    [
        nameof(Contract), nameof(OutcomeIndicator), nameof(IndicatorTarget), nameof(ToleranceBands), nameof(ContractVariation),
        nameof(QuarterlyReturn), nameof(ReturnFigure), nameof(ReturnQuery), nameof(Restatement), nameof(EvidenceFile), nameof(ReturnEvent),
    ];

    /// <summary>Parts of a return whose audit key is their own id rather than "returnId/…".</summary>
    private static readonly string[] ReturnChildTypes = [nameof(ReturnQuery), nameof(Restatement), nameof(EvidenceFile)];

    // Ids are fetched in batches so that a large export never builds one enormous query.
    private const int BatchSize = 500;

    /// <summary>What the readers of one contract's trail need to put its entries into words.</summary>
    public sealed class Context
    {
        public required Guid ContractId { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required IReadOnlyDictionary<Guid, string> Indicators { get; init; }

        /// <summary>Each stored return's period.</summary>
        public required IReadOnlyDictionary<Guid, ReportingPeriod> Returns { get; init; }

        /// <summary>Each query, restatement and evidence file still on a return: its return and, where it has one, its indicator.</summary>
        public required IReadOnlyDictionary<Guid, (Guid ReturnId, Guid? IndicatorId)> Children { get; init; }
    }

    /// <summary>Loads the contract if the user may see it; a contract they may not see is not found.</summary>
    public static async Task<Context> LoadAsync(IReadStore store, ICurrentUser user, Guid contractId, CancellationToken cancellationToken)
    {
        var id = new ContractId(contractId);
        var contract = await store.FirstOrDefaultAsync(
            store.Contracts.VisibleTo(user).Where(c => c.Id == id).Select(c => new
            {
                c.Reference,
                c.Title,
                Indicators = c.Indicators.Select(i => new { i.Id, i.Name }).ToList(),
            }),
            cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("The contract");
        var returns = await store.ToListAsync(
            store.Returns.Where(r => r.ContractId == id).Select(r => new
            {
                r.Id,
                r.Period,
                Queries = r.Queries.Select(q => new { q.Id, q.IndicatorId }).ToList(),
                Restatements = r.Restatements.Select(x => new { x.Id, x.IndicatorId }).ToList(),
                Evidence = r.Evidence.Select(e => e.Id).ToList(),
            }),
            cancellationToken).ConfigureAwait(false);

        var children = new Dictionary<Guid, (Guid, Guid?)>();
        foreach (var r in returns)
        {
            foreach (var q in r.Queries)
            {
                children[q.Id] = (r.Id.Value, q.IndicatorId.Value);
            }

            foreach (var x in r.Restatements)
            {
                children[x.Id] = (r.Id.Value, x.IndicatorId.Value);
            }

            foreach (var e in r.Evidence)
            {
                children[e] = (r.Id.Value, null);
            }
        }

        return new Context
        {
            ContractId = contractId,
            Reference = contract.Reference,
            Title = contract.Title,
            Indicators = contract.Indicators.ToDictionary(i => i.Id.Value, i => i.Name),
            Returns = returns.ToDictionary(r => r.Id.Value, r => r.Period),
            Children = children,
        };
    }

    /// <summary>The ids of the entries that match the filter, newest first.</summary>
    public static async Task<IReadOnlyList<long>> MatchingIdsAsync(IReadStore store, Context context, IContractAuditFilter filter, CancellationToken cancellationToken)
    {
        var query = store.AuditEntries.Where(a => a.ContractId == context.ContractId && ContractEntityTypes.Contains(a.EntityType));
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(a => a.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var type = filter.EntityType.Trim();
            query = query.Where(a => a.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Who))
        {
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(); culture-specific overloads are not translatable
            var who = filter.Who.Trim().ToLowerInvariant();
            query = query.Where(a => a.UserName.ToLower().Contains(who));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (ReportingPeriod.TryParse(filter.Period, out var period))
        {
            var returnId = context.Returns.Where(r => r.Value == period).Select(r => (Guid?)r.Key).FirstOrDefault();
            if (returnId is null)
            {
                return [];
            }

            var key = returnId.Value.ToString();
            var prefix = key + "/";
            // Queries, restatements and evidence are keyed by their own ids; their additions and removals
            // record the return they belong to, which also finds evidence that has since been removed.
            var recorded = await store.ToListAsync(
                store.AuditEntries
                    .Where(a => a.ContractId == context.ContractId && ReturnChildTypes.Contains(a.EntityType)
                        && ((a.After != null && a.After.Contains(key)) || (a.Before != null && a.Before.Contains(key))))
                    .Select(a => a.EntityId)
                    .Distinct(),
                cancellationToken).ConfigureAwait(false);
            var childIds = context.Children.Where(c => c.Value.ReturnId == returnId.Value).Select(c => c.Key.ToString())
                .Concat(recorded).Distinct(StringComparer.Ordinal).ToList();
            query = query.Where(a => a.EntityId == key || a.EntityId.StartsWith(prefix) || childIds.Contains(a.EntityId));
        }

        // Times are compared here rather than in the database: SQLite stores them as text with their UTC offset,
        // which does not sort in time order. The two columns read are small even for a long-running contract.
        var stamps = await store.ToListAsync(query.Select(a => new { a.Id, a.OccurredAt }), cancellationToken).ConfigureAwait(false);
        return [.. stamps
            .Where(s => (filter.FromDate is not { } from || UkTime.DateOf(s.OccurredAt) >= from)
                && (filter.ToDate is not { } to || UkTime.DateOf(s.OccurredAt) <= to))
            .OrderByDescending(s => s.OccurredAt)
            .ThenByDescending(s => s.Id)
            .Select(s => s.Id)];
    }

    /// <summary>The entries with these ids, in words, in the order given.</summary>
    public static async IAsyncEnumerable<AuditRow> RowsAsync(
        IReadStore store, Context context, IReadOnlyList<long> ids, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var start = 0; start < ids.Count; start += BatchSize)
        {
            var batch = ids.Skip(start).Take(BatchSize).ToList();
            var entries = (await store.ToListAsync(store.AuditEntries.Where(a => batch.Contains(a.Id)), cancellationToken).ConfigureAwait(false))
                .ToDictionary(a => a.Id);
            foreach (var id in batch)
            {
                if (entries.TryGetValue(id, out var entry))
                {
                    yield return Describe(entry, context);
                }
            }
        }
    }

    public static async Task<AuditFilterOptions> OptionsAsync(IReadStore store, Context context, CancellationToken cancellationToken)
    {
        var entries = store.AuditEntries.Where(a => a.ContractId == context.ContractId && ContractEntityTypes.Contains(a.EntityType));
        var actions = await store.ToListAsync(entries.Select(a => a.Action).Distinct(), cancellationToken).ConfigureAwait(false);
        var types = await store.ToListAsync(entries.Select(a => a.EntityType).Distinct(), cancellationToken).ConfigureAwait(false);
        var users = await store.ToListAsync(entries.Select(a => a.UserName).Distinct(), cancellationToken).ConfigureAwait(false);
        return new AuditFilterOptions(
            [.. actions.Select(a => new AuditOption(a, AuditText.Sentence(a))).OrderBy(o => o.Text, StringComparer.Ordinal)],
            [.. types.Select(t => new AuditOption(t, AuditText.Sentence(t))).OrderBy(o => o.Text, StringComparer.Ordinal)],
            [.. users.Order(StringComparer.OrdinalIgnoreCase)],
            [.. context.Returns.Values.OrderDescending().Select(p => p.Label)]);
    }

    private static AuditRow Describe(AuditEntry entry, Context context)
    {
        var before = AuditText.Fields(entry.Before);
        var after = AuditText.Fields(entry.After);
        var (period, indicatorId) = Locate(entry, context, before, after);
        string? indicator = null;
        if (indicatorId is { } indicatorKey)
        {
            indicator = context.Indicators.TryGetValue(indicatorKey, out var name) ? name : null;
        }

        return new AuditRow(
            entry.Id,
            entry.OccurredAt,
            entry.UserName,
            entry.Action,
            AuditText.Sentence(entry.Action),
            entry.EntityType,
            AuditText.Sentence(entry.EntityType),
            entry.EntityId,
            AuditText.ShortId(entry.EntityId),
            period?.Label,
            indicator,
            entry.Change,
            AuditText.ChangeKind(entry.Change),
            AuditText.Changes(entry.Change, before, after));
    }

    /// <summary>The period and indicator an entry is about, where its key or its recorded values say.</summary>
    private static (ReportingPeriod? Period, Guid? IndicatorId) Locate(
        AuditEntry entry, Context context, IReadOnlyDictionary<string, JsonElement> before, IReadOnlyDictionary<string, JsonElement> after)
    {
        var parts = entry.EntityId.Split('/');
        Guid? First() => Guid.TryParse(parts[0], out var g) ? g : null;
        Guid? Second() => parts.Length > 1 && Guid.TryParse(parts[1], out var g) ? g : null;
        ReportingPeriod? PeriodOf(Guid? returnId) => returnId is { } r && context.Returns.TryGetValue(r, out var p) ? p : null;
        Guid? Recorded(string field) =>
            (after.TryGetValue(field, out var value) || before.TryGetValue(field, out value))
            && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var g) ? g : null;

        switch (entry.EntityType)
        {
            case nameof(QuarterlyReturn):
            case nameof(ReturnEvent):
                return (PeriodOf(First()), null);
            case nameof(ReturnFigure):
                return (PeriodOf(First()), Second());
            case nameof(ReturnQuery):
            case nameof(Restatement):
            case nameof(EvidenceFile):
                if (First() is { } childId && context.Children.TryGetValue(childId, out var child))
                {
                    return (PeriodOf(child.ReturnId), child.IndicatorId);
                }

                return (PeriodOf(Recorded("ReturnId")), Recorded("IndicatorId"));
            case nameof(OutcomeIndicator):
            case nameof(ToleranceBands):
                return (null, First());
            case nameof(IndicatorTarget):
                return (parts.Length > 1 && ReportingPeriod.TryParse(parts[1], out var targetPeriod) ? targetPeriod : null, First());
            default:
                return (null, null);
        }
    }
}

/// <summary>Audit values in words: use case and type names as sentences, times in UK time, yes/no for flags.</summary>
internal static class AuditText
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    // Abbreviations keep their capitals when a name becomes a sentence ("UploadReturnCsv" → "Upload return CSV").
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["Csv"] = "CSV", ["Api"] = "API", ["Sha256"] = "SHA-256", ["Rba"] = "RBA",
    };

    /// <summary>"SubmitReturn" → "Submit return", "ReturnFigure" → "Return figure".</summary>
    public static string Sentence(string pascalCase)
    {
        ArgumentNullException.ThrowIfNull(pascalCase);
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= pascalCase.Length; i++)
        {
            if (i == pascalCase.Length || (char.IsUpper(pascalCase[i]) && !char.IsUpper(pascalCase[i - 1])))
            {
                words.Add(pascalCase[start..i]);
                start = i;
            }
        }

        return string.Join(' ', words.Select((w, i) =>
            Abbreviations.TryGetValue(w, out var abbreviation) ? abbreviation
            : i == 0 ? w
            : w.All(char.IsUpper) ? w
            : w.ToLowerInvariant()));
    }

    public static string ChangeKind(AuditChangeKind change) => change switch
    {
        AuditChangeKind.Added => "Added",
        AuditChangeKind.Removed => "Removed",
        _ => "Changed",
    };

    /// <summary>
    /// The last 8 characters of each id in a key: "1e1b7299/9c26e9a5", "1e1b7299/3". Ids are version 7 GUIDs,
    /// which begin with the time they were made, so their ends tell records made together apart.
    /// </summary>
    public static string ShortId(string entityId)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        return string.Join('/', entityId.Split('/').Select(part => Guid.TryParse(part, out var id) ? id.ToString("N")[^8..] : part));
    }

    public static IReadOnlyDictionary<string, JsonElement> Fields(string? json)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    fields[property.Name] = property.Value.Clone();
                }
            }
            else
            {
                fields["Value"] = document.RootElement.Clone();
            }
        }
        catch (JsonException)
        {
            using var text = JsonDocument.Parse(JsonSerializer.Serialize(json));
            fields["Value"] = text.RootElement.Clone();
        }

        return fields;
    }

    /// <summary>
    /// Each recorded field as "Field: before → after". Unchanged fields are left out; so are empty values and
    /// identifiers of a record added or removed, which say nothing a reader can use.
    /// </summary>
    public static IReadOnlyList<AuditFieldChange> Changes(
        AuditChangeKind change, IReadOnlyDictionary<string, JsonElement> before, IReadOnlyDictionary<string, JsonElement> after)
    {
        var changes = new List<AuditFieldChange>();
        foreach (var field in after.Keys.Concat(before.Keys.Where(k => !after.ContainsKey(k))))
        {
            var old = before.TryGetValue(field, out var b) ? Value(b) : null;
            var now = after.TryGetValue(field, out var a) ? Value(a) : null;
            if (string.Equals(old, now, StringComparison.Ordinal))
            {
                continue;
            }

            if (change != AuditChangeKind.Modified && IsIdentifier(field))
            {
                continue;
            }

            changes.Add(new AuditFieldChange(Sentence(field), old, now));
        }

        return changes;
    }

    private static bool IsIdentifier(string field) => field.EndsWith("Id", StringComparison.Ordinal);

    private static string? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.String when value.GetString() is { Length: 0 } => null,
        JsonValueKind.String => Readable(value.GetString()!),
        _ => value.GetRawText(),
    };

    /// <summary>Times in UK local time, dates as "1 April 2026", and enum names ("HigherIsBetter") as words.</summary>
    private static string Readable(string value)
    {
        if (value.Length >= 19 && value[10] == 'T'
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment))
        {
            var local = UkTime.ToUk(moment);
            return local.ToString("d MMM yyyy, h:mm", EnglishUk) + local.ToString("tt", CultureInfo.InvariantCulture).ToLowerInvariant();
        }

        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString("d MMMM yyyy", EnglishUk);
        }

        return value.Length > 1 && value.All(char.IsAsciiLetter) && char.IsUpper(value[0]) && value.Skip(1).Any(char.IsUpper)
            ? Sentence(value)
            : value;
    }
}
