using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Domain.Returns;

/// <summary>What a provider enters for one indicator: a value, or a numerator and denominator, and commentary.</summary>
public sealed record FigureEntry(IndicatorId IndicatorId, decimal? Value, decimal? Numerator, decimal? Denominator, string? Commentary)
{
    public bool IsBlank => Value is null && Numerator is null && Denominator is null && string.IsNullOrWhiteSpace(Commentary);
}

/// <summary>
/// A provider's return for one contract and one reporting period: a figure for every indicator,
/// commentary, and evidence. Draft → Submitted → Accepted, or Submitted → Queried → (revised) Submitted;
/// a submitted return can be withdrawn to Draft until the commissioner acts. Accepted figures are
/// locked: they change only through a restatement that a commissioner approves.
/// </summary>
public sealed class QuarterlyReturn : AggregateRoot<ReturnId>
{
    private readonly List<ReturnFigure> _figures = [];
    private readonly List<ReturnQuery> _queries = [];
    private readonly List<Restatement> _restatements = [];
    private readonly List<EvidenceFile> _evidence = [];
    private readonly List<ReturnEvent> _history = [];

    private QuarterlyReturn()
    {
        LastChangedByName = string.Empty;
    }

    public ContractId ContractId { get; private init; }

    /// <summary>Copied from the contract so that who may see the return is decided without loading the contract.</summary>
    public OrganisationId CommissionerId { get; private init; }

    public OrganisationId ProviderId { get; private init; }

    public ReportingPeriod Period { get; private init; }

    public ReturnStatus Status { get; private set; }

    /// <summary>Fixed when the return opens, so a later change of the reporting calendar does not move it.</summary>
    public DateOnly DueOn { get; private init; }

    public DateTimeOffset OpenedAt { get; private init; }

    public DateTimeOffset LastChangedAt { get; private set; }

    public string LastChangedByName { get; private set; }

    /// <summary>When the return was first submitted; lateness is measured to this, not to any resubmission.</summary>
    public DateTimeOffset? FirstSubmittedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? SubmittedByName { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public string? AcceptedByName { get; private set; }

    public IReadOnlyList<ReturnFigure> Figures => _figures;

    public IReadOnlyList<ReturnQuery> Queries => _queries;

    public IReadOnlyList<Restatement> Restatements => _restatements;

    public IReadOnlyList<EvidenceFile> Evidence => _evidence;

    public IReadOnlyList<ReturnEvent> History => _history;

    public bool CanBeEdited => Status is ReturnStatus.Draft or ReturnStatus.Queried;

    /// <summary>Opens the return for a period that has ended.</summary>
    public static QuarterlyReturn Open(Contract contract, ReportingPeriod period, DateOnly dueOn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var why = WhyNoReturn(contract, period, UkTime.DateOf(now));
        if (why is not null)
        {
            throw new BusinessRuleException(why, nameof(Period));
        }

        return new QuarterlyReturn
        {
            Id = ReturnId.New(),
            ContractId = contract.Id,
            CommissionerId = contract.CommissionerId,
            ProviderId = contract.ProviderId,
            Period = period,
            Status = ReturnStatus.Draft,
            DueOn = dueOn,
            OpenedAt = now,
            LastChangedAt = now,
            LastChangedByName = Actor.System.Name,
        };
    }

    /// <summary>Null when a return for this period can be opened today; otherwise why not, in words.</summary>
    public static string? WhyNoReturn(Contract contract, ReportingPeriod period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.Status == ContractStatus.Draft)
        {
            return "Returns open once the contract is active";
        }

        if (!contract.Term.Covers(period))
        {
            return $"{period} is outside the contract term";
        }

        if (!ReportingSchedule.PeriodsOwed(contract.Term, contract.EndedOn).Contains(period))
        {
            return $"The contract ended before {period} began";
        }

        return !ReportingSchedule.IsOpen(period, today) ? $"The return for {period} opens when the period ends on {period.EndDate:d MMMM yyyy}" : null;
    }

    public int DaysLate(DateOnly today) => ReportingSchedule.DaysLate(DueOn, FirstSubmittedAt, today);

    public ReturnFigure? FigureFor(IndicatorId indicatorId) => _figures.Find(f => f.IndicatorId == indicatorId);

    /// <summary>
    /// Saves what the provider has entered so far. Only the indicators given are changed; a blank entry
    /// clears that indicator. Returns false when nothing changed, so saving the same figures twice is harmless.
    /// </summary>
    public bool SaveDraft(Contract contract, IReadOnlyList<FigureEntry> entries, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureContract(contract);
        if (!CanBeEdited)
        {
            throw new BusinessRuleException(Status == ReturnStatus.Accepted
                ? "This return has been accepted, so its figures are locked. Propose a restatement to correct a figure"
                : "This return has been submitted. Withdraw it to make changes");
        }

        var violations = new List<RuleViolation>();
        var changes = new List<(ReturnFigure Target, Figure? Figure, string? Commentary)>();
        var seen = new HashSet<IndicatorId>();
        foreach (var entry in entries)
        {
            var indicator = contract.Indicators.FirstOrDefault(i => i.Id == entry.IndicatorId);
            if (indicator is null)
            {
                violations.Add(new RuleViolation("An indicator in the return does not belong to this contract", "IndicatorId"));
                continue;
            }

            if (!seen.Add(indicator.Id))
            {
                violations.Add(new RuleViolation($"{indicator.Name} is given more than once", "IndicatorId"));
                continue;
            }

            string? commentary;
            try
            {
                commentary = Guard.OptionalText(entry.Commentary, $"the commentary on {indicator.Name}", ReturnFigure.CommentaryMaxLength, "Commentary");
            }
            catch (BusinessRuleException e)
            {
                violations.AddRange(e.Violations);
                continue;
            }

            Figure? figure = null;
            if (entry.Value is not null || entry.Numerator is not null || entry.Denominator is not null)
            {
                var problems = Figure.Check(indicator, entry.Value, entry.Numerator, entry.Denominator);
                if (problems.Count > 0)
                {
                    violations.AddRange(problems);
                    continue;
                }

                figure = Figure.For(indicator, entry.Value, entry.Numerator, entry.Denominator);
            }

            changes.Add((FigureFor(indicator.Id) ?? new ReturnFigure(indicator.Id), figure, commentary));
        }

        if (violations.Count > 0)
        {
            throw new BusinessRuleException(violations);
        }

        var changed = false;
        foreach (var (target, figure, commentary) in changes)
        {
            if (!_figures.Contains(target))
            {
                if (figure is null && commentary is null)
                {
                    continue;
                }

                _figures.Add(target);
            }

            changed |= target.Set(figure, commentary);
        }

        _figures.RemoveAll(f => f.Value is null && f.Commentary is null);
        if (changed)
        {
            Changed(actor, now);
        }

        return changed;
    }

    /// <summary>What still stops the return being submitted, each in words for the provider.</summary>
    public IReadOnlyList<RuleViolation> SubmissionProblems(Contract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var problems = new List<RuleViolation>();
        foreach (var indicator in contract.Indicators.OrderBy(i => i.DisplayOrder))
        {
            var figure = FigureFor(indicator.Id)?.Figure;
            if (figure is null)
            {
                problems.Add(new RuleViolation($"Enter a figure for {indicator.Name}", indicator.Id.ToString()));
            }
            else if (CommentaryRequired(indicator, figure) && string.IsNullOrWhiteSpace(FigureFor(indicator.Id)!.Commentary))
            {
                problems.Add(new RuleViolation(
                    $"Explain why {indicator.Name} missed its target of {indicator.Unit.Format(indicator.TargetFor(Period)!.Value)}",
                    indicator.Id.ToString()));
            }
        }

        return problems;
    }

    /// <summary>Commentary is required where a figure misses its target for the period.</summary>
    public bool CommentaryRequired(OutcomeIndicator indicator, Figure figure)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(figure);
        return indicator.TargetFor(Period) is { } target && figure.Misses(target, indicator.Polarity);
    }

    public void Submit(Contract contract, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureContract(contract);
        if (!CanBeEdited)
        {
            throw new BusinessRuleException(Status == ReturnStatus.Accepted
                ? "This return has already been accepted"
                : "This return has already been submitted");
        }

        var problems = SubmissionProblems(contract);
        if (problems.Count > 0)
        {
            throw new BusinessRuleException(problems);
        }

        var resubmission = Status == ReturnStatus.Queried;
        foreach (var query in _queries.Where(q => q.IsOpen))
        {
            query.Close();
        }

        Status = ReturnStatus.Submitted;
        FirstSubmittedAt ??= now;
        SubmittedAt = now;
        SubmittedByName = actor.Name;
        var lateness = DaysLate(UkTime.DateOf(now)) is var late and > 0 ? $", {late} {(late == 1 ? "day" : "days")} after the due date" : string.Empty;
        Record(resubmission ? ReturnEventKind.Resubmitted : ReturnEventKind.Submitted, resubmission ? "Revised return submitted" : $"Return submitted{lateness}", actor, now);
        Raise(new ReturnSubmitted(Id, ContractId, Period, resubmission));
    }

    public void Withdraw(Actor actor, DateTimeOffset now)
    {
        if (Status != ReturnStatus.Submitted)
        {
            throw new BusinessRuleException(Status switch
            {
                ReturnStatus.Accepted => "This return has been accepted, so it can no longer be withdrawn",
                ReturnStatus.Queried => "The commissioner has queried this return; revise it and submit it again",
                _ => "Only a submitted return can be withdrawn",
            });
        }

        // Back to Queried if it was a revision of a queried return, so the open questions are still shown.
        var wasQueried = _queries.Any(q => q.Round == QueryRound) && _history.LastOrDefault(e => e.Kind is ReturnEventKind.Submitted or ReturnEventKind.Resubmitted)?.Kind == ReturnEventKind.Resubmitted;
        Status = wasQueried ? ReturnStatus.Queried : ReturnStatus.Draft;
        if (wasQueried)
        {
            foreach (var query in _queries.Where(q => q.Round == QueryRound))
            {
                query.Reopen();
            }
        }

        // A withdrawn first submission was not a submission: lateness is measured to the one that stands.
        // A revision after a query keeps the original submission date, which the query did not undo.
        if (!wasQueried)
        {
            FirstSubmittedAt = null;
        }

        SubmittedAt = null;
        SubmittedByName = null;
        Record(ReturnEventKind.Withdrawn, "Return withdrawn to make changes", actor, now);
        Raise(new ReturnWithdrawn(Id, ContractId, Period));
    }

    /// <summary>Sends the return back to the provider with a question about each listed indicator.</summary>
    public void Query(Contract contract, IReadOnlyList<(IndicatorId IndicatorId, string Comment)> questions, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureContract(contract);
        EnsureSubmitted("queried");
        if (questions.Count == 0)
        {
            throw new BusinessRuleException("Select at least one indicator to query", "Indicators");
        }

        var violations = new List<RuleViolation>();
        var round = QueryRound + 1;
        var raised = new List<ReturnQuery>();
        foreach (var (indicatorId, comment) in questions)
        {
            var indicator = contract.Indicators.FirstOrDefault(i => i.Id == indicatorId);
            if (indicator is null)
            {
                violations.Add(new RuleViolation("An indicator queried does not belong to this contract", "Indicators"));
                continue;
            }

            if (raised.Any(q => q.IndicatorId == indicatorId))
            {
                violations.Add(new RuleViolation($"{indicator.Name} is queried more than once", indicatorId.ToString()));
                continue;
            }

            try
            {
                var text = Guard.Text(comment, $"your question about {indicator.Name}", ReturnQuery.CommentMaxLength, indicatorId.ToString());
                raised.Add(new ReturnQuery(round, indicatorId, text, actor, now));
            }
            catch (BusinessRuleException e)
            {
                violations.AddRange(e.Violations);
            }
        }

        if (violations.Count > 0)
        {
            throw new BusinessRuleException(violations);
        }

        _queries.AddRange(raised);
        Status = ReturnStatus.Queried;
        Record(ReturnEventKind.Queried, raised.Count == 1 ? "Queried 1 figure" : $"Queried {raised.Count} figures", actor, now);
        Raise(new ReturnQueried(Id, ContractId, Period, raised.Count));
    }

    public void Accept(Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureSubmitted("accepted");
        Status = ReturnStatus.Accepted;
        AcceptedAt = now;
        AcceptedByName = actor.Name;
        Record(ReturnEventKind.Accepted, "Return accepted; its figures are now locked", actor, now);
        Raise(new ReturnAccepted(Id, ContractId, Period));
    }

    /// <summary>Proposes a correction to an accepted figure. It changes nothing until a commissioner approves it.</summary>
    public Restatement ProposeRestatement(Contract contract, FigureEntry corrected, string reason, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureContract(contract);
        if (Status != ReturnStatus.Accepted)
        {
            throw new BusinessRuleException("Only an accepted return can be restated; until then, the figures can be changed directly");
        }

        var indicator = contract.Indicators.FirstOrDefault(i => i.Id == corrected.IndicatorId)
            ?? throw new BusinessRuleException("The indicator does not belong to this contract", "IndicatorId");
        if (_restatements.Any(r => r.IndicatorId == indicator.Id && r.Status == RestatementStatus.Proposed))
        {
            throw new BusinessRuleException($"A restatement of {indicator.Name} is already waiting for a decision", "IndicatorId");
        }

        var violations = new List<RuleViolation>();
        string? text = null;
        string? commentary = null;
        try
        {
            text = Guard.Text(reason, "the reason for the restatement", Restatement.ReasonMaxLength, "Reason");
        }
        catch (BusinessRuleException e)
        {
            violations.AddRange(e.Violations);
        }

        try
        {
            commentary = Guard.OptionalText(corrected.Commentary, $"the commentary on {indicator.Name}", ReturnFigure.CommentaryMaxLength, "Commentary");
        }
        catch (BusinessRuleException e)
        {
            violations.AddRange(e.Violations);
        }

        violations.AddRange(Figure.Check(indicator, corrected.Value, corrected.Numerator, corrected.Denominator));
        if (violations.Count > 0)
        {
            throw new BusinessRuleException(violations);
        }

        var figure = Figure.For(indicator, corrected.Value, corrected.Numerator, corrected.Denominator);
        var current = FigureFor(indicator.Id) ?? throw new BusinessRuleException($"{indicator.Name} has no accepted figure to restate", "IndicatorId");
        if (current.Figure == figure)
        {
            throw new BusinessRuleException($"The corrected figure is the same as the accepted figure for {indicator.Name}", "Value");
        }

        if (CommentaryRequired(indicator, figure) && commentary is null)
        {
            throw new BusinessRuleException(
                $"Explain why {indicator.Name} missed its target of {indicator.Unit.Format(indicator.TargetFor(Period)!.Value)}", "Commentary");
        }

        var restatement = new Restatement(_restatements.Count + 1, indicator.Id, current, figure, commentary, text!, actor, now);
        _restatements.Add(restatement);
        Record(ReturnEventKind.RestatementProposed, $"Restatement proposed for {indicator.Name}: {current.Figure?.Describe(indicator.Unit)} to {figure.Describe(indicator.Unit)}. Reason: {text}", actor, now);
        Raise(new RestatementProposed(Id, ContractId, Period, indicator.Id));
        return restatement;
    }

    /// <summary>Approves a proposed restatement: the corrected figure replaces the accepted one, which stays on record.</summary>
    public void ApproveRestatement(Contract contract, Guid restatementId, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureContract(contract);
        var restatement = PendingRestatement(restatementId);
        var indicator = contract.Indicator(restatement.IndicatorId);
        restatement.Decide(RestatementStatus.Approved, null, actor, now);
        FigureFor(restatement.IndicatorId)!.Restate(restatement.Proposed, restatement.ProposedCommentary);
        Changed(actor, now);
        Record(ReturnEventKind.RestatementApproved, $"Restatement of {indicator.Name} approved: now {restatement.Proposed.Describe(indicator.Unit)}", actor, now);
        Raise(new ReturnRestated(Id, ContractId, Period, restatement.IndicatorId));
    }

    public void RejectRestatement(Contract contract, Guid restatementId, string reason, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureContract(contract);
        var restatement = PendingRestatement(restatementId);
        var indicator = contract.Indicator(restatement.IndicatorId);
        var note = Guard.Text(reason, "why you are rejecting the restatement", Restatement.ReasonMaxLength, "Reason");
        restatement.Decide(RestatementStatus.Rejected, note, actor, now);
        Record(ReturnEventKind.RestatementRejected, $"Restatement of {indicator.Name} rejected: {note}", actor, now);
        Raise(new RestatementRejected(Id, ContractId, Period, restatement.IndicatorId));
    }

    public EvidenceFile AddEvidence(string fileName, string contentType, long sizeBytes, string sha256, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CanBeEdited)
        {
            throw new BusinessRuleException("Evidence can be added only while the return is a draft or has been queried", "File");
        }

        if (_evidence.Count >= EvidenceFile.MaxPerReturn)
        {
            throw new BusinessRuleException($"A return can have at most {EvidenceFile.MaxPerReturn} evidence files", "File");
        }

        var name = Guard.Text(fileName, "a file name", EvidenceFile.FileNameMaxLength, "File");
        if (sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("The SHA-256 must be 64 lower-case hexadecimal digits.", nameof(sha256));
        }

        var file = new EvidenceFile(name, contentType, sizeBytes, sha256, actor, now);
        _evidence.Add(file);
        Changed(actor, now);
        Record(ReturnEventKind.EvidenceAdded, $"Evidence added: {name} (SHA-256 {sha256})", actor, now);
        return file;
    }

    public void RemoveEvidence(Guid evidenceId, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CanBeEdited)
        {
            throw new BusinessRuleException("Evidence can be removed only while the return is a draft or has been queried", "File");
        }

        var file = _evidence.Find(e => e.Id == evidenceId) ?? throw new BusinessRuleException("The evidence file is not part of this return", "File");
        _evidence.Remove(file);
        Changed(actor, now);
        Record(ReturnEventKind.EvidenceRemoved, $"Evidence removed: {file.FileName}", actor, now);
    }

    /// <summary>Records that figures came from an uploaded file, with its fingerprint, whether or not they changed anything.</summary>
    public void RecordUpload(string fileName, string sha256, int rows, bool changedFigures, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var outcome = changedFigures ? "figures saved" : "no figures changed";
        Record(ReturnEventKind.FileUploaded, $"CSV file {fileName} uploaded (SHA-256 {sha256}): {rows} {(rows == 1 ? "row" : "rows")}, {outcome}", actor, now);
        Touch();
    }

    private int QueryRound => _queries.Count == 0 ? 0 : _queries.Max(q => q.Round);

    private Restatement PendingRestatement(Guid restatementId)
    {
        var restatement = _restatements.Find(r => r.Id == restatementId)
            ?? throw new BusinessRuleException("The restatement is not part of this return", "RestatementId");
        return restatement.Status == RestatementStatus.Proposed
            ? restatement
            : throw new BusinessRuleException($"This restatement has already been {restatement.Status.ToString().ToLowerInvariant()}");
    }

    private void EnsureSubmitted(string what)
    {
        if (Status != ReturnStatus.Submitted)
        {
            throw new BusinessRuleException(Status switch
            {
                ReturnStatus.Draft => $"Only a submitted return can be {what}; this one is still a draft",
                ReturnStatus.Queried => $"This return is waiting for the provider to answer a query, so it cannot be {what}",
                _ => "This return has already been accepted",
            });
        }
    }

    private void EnsureContract(Contract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.Id != ContractId)
        {
            throw new ArgumentException("The contract is not the one this return belongs to.", nameof(contract));
        }
    }

    private void Changed(Actor actor, DateTimeOffset now)
    {
        LastChangedAt = now;
        LastChangedByName = actor.Name;
        Touch();
    }

    private void Record(ReturnEventKind kind, string description, Actor actor, DateTimeOffset now)
    {
        _history.Add(new ReturnEvent(_history.Count + 1, kind, description, actor, now));
        LastChangedAt = now;
        LastChangedByName = actor.Name;
        Touch();
    }
}
