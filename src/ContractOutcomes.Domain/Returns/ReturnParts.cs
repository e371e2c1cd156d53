using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Returns;

public enum ReturnStatus
{
    Draft = 1,
    Submitted = 2,
    Queried = 3,
    Accepted = 4,
}

public enum RestatementStatus
{
    Proposed = 1,
    Approved = 2,
    Rejected = 3,
}

public enum ReturnEventKind
{
    Submitted = 1,
    Resubmitted = 2,
    Withdrawn = 3,
    Queried = 4,
    Accepted = 5,
    RestatementProposed = 6,
    RestatementApproved = 7,
    RestatementRejected = 8,
    EvidenceAdded = 9,
    EvidenceRemoved = 10,
    FileUploaded = 11,
}

/// <summary>The figure a return reports for one indicator. Part of the <see cref="QuarterlyReturn"/> aggregate.</summary>
public sealed class ReturnFigure
{
    public const int CommentaryMaxLength = 2000;

    private ReturnFigure()
    {
    }

    internal ReturnFigure(IndicatorId indicatorId) => IndicatorId = indicatorId;

    public IndicatorId IndicatorId { get; private init; }

    public decimal? Value { get; private set; }

    public decimal? Numerator { get; private set; }

    public decimal? Denominator { get; private set; }

    public string? Commentary { get; private set; }

    /// <summary>True once an approved restatement has replaced the accepted figure.</summary>
    public bool IsRestated { get; private set; }

    public Figure? Figure => Value is { } value ? Figure.Stored(value, Numerator, Denominator) : null;

    /// <summary>Sets the figure and commentary; returns whether anything changed.</summary>
    internal bool Set(Figure? figure, string? commentary)
    {
        var changed = Value != figure?.Value || Numerator != figure?.Numerator || Denominator != figure?.Denominator || Commentary != commentary;
        Value = figure?.Value;
        Numerator = figure?.Numerator;
        Denominator = figure?.Denominator;
        Commentary = commentary;
        return changed;
    }

    internal void Restate(Figure figure, string? commentary)
    {
        Set(figure, commentary);
        IsRestated = true;
    }
}

/// <summary>A commissioner's question about one indicator's figure, sent back to the provider to answer.</summary>
public sealed class ReturnQuery
{
    public const int CommentMaxLength = 2000;

    private ReturnQuery()
    {
        Comment = string.Empty;
        RaisedByName = string.Empty;
    }

    internal ReturnQuery(int round, IndicatorId indicatorId, string comment, Actor raisedBy, DateTimeOffset raisedAt)
    {
        Id = Guid.CreateVersion7();
        Round = round;
        IndicatorId = indicatorId;
        Comment = comment;
        RaisedByName = raisedBy.Name;
        RaisedAt = raisedAt;
        IsOpen = true;
    }

    public Guid Id { get; private init; }

    /// <summary>Which time the return was queried, from 1; a return can be queried again after it is revised.</summary>
    public int Round { get; private init; }

    public IndicatorId IndicatorId { get; private init; }

    public string Comment { get; private init; }

    public string RaisedByName { get; private init; }

    public DateTimeOffset RaisedAt { get; private init; }

    /// <summary>Open until the provider resubmits the return.</summary>
    public bool IsOpen { get; private set; }

    internal void Close() => IsOpen = false;

    internal void Reopen() => IsOpen = true;
}

/// <summary>
/// A correction to an accepted figure. It takes effect only when a commissioner approves it; the figure
/// it replaces is kept here so both can always be shown.
/// </summary>
public sealed class Restatement
{
    public const int ReasonMaxLength = 2000;

    private Restatement()
    {
        Reason = string.Empty;
        ProposedByName = string.Empty;
    }

    internal Restatement(int number, IndicatorId indicatorId, ReturnFigure current, Figure proposed, string? proposedCommentary, string reason, Actor proposedBy, DateTimeOffset proposedAt)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        IndicatorId = indicatorId;
        PreviousValue = current.Value;
        PreviousNumerator = current.Numerator;
        PreviousDenominator = current.Denominator;
        PreviousCommentary = current.Commentary;
        ProposedValue = proposed.Value;
        ProposedNumerator = proposed.Numerator;
        ProposedDenominator = proposed.Denominator;
        ProposedCommentary = proposedCommentary;
        Reason = reason;
        ProposedByName = proposedBy.Name;
        ProposedAt = proposedAt;
        Status = RestatementStatus.Proposed;
    }

    public Guid Id { get; private init; }

    public int Number { get; private init; }

    public IndicatorId IndicatorId { get; private init; }

    public decimal? PreviousValue { get; private init; }

    public decimal? PreviousNumerator { get; private init; }

    public decimal? PreviousDenominator { get; private init; }

    public string? PreviousCommentary { get; private init; }

    public decimal ProposedValue { get; private init; }

    public decimal? ProposedNumerator { get; private init; }

    public decimal? ProposedDenominator { get; private init; }

    public string? ProposedCommentary { get; private init; }

    public string Reason { get; private init; }

    public string ProposedByName { get; private init; }

    public DateTimeOffset ProposedAt { get; private init; }

    public RestatementStatus Status { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why a commissioner rejected it; null when approved or undecided.</summary>
    public string? DecisionNote { get; private set; }

    public Figure Proposed => Figure.Stored(ProposedValue, ProposedNumerator, ProposedDenominator);

    internal void Decide(RestatementStatus decision, string? note, Actor by, DateTimeOffset at)
    {
        Status = decision;
        DecisionNote = note;
        DecidedByName = by.Name;
        DecidedAt = at;
    }
}

/// <summary>A file a provider attached to a return. The content is stored once per SHA-256, apart from the return.</summary>
public sealed class EvidenceFile
{
    public const int FileNameMaxLength = 150;
    public const int ContentTypeMaxLength = 100;
    public const int MaxPerReturn = 20;

    private EvidenceFile()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        UploadedByName = string.Empty;
    }

    internal EvidenceFile(string fileName, string contentType, long sizeBytes, string sha256, Actor uploadedBy, DateTimeOffset uploadedAt)
    {
        Id = Guid.CreateVersion7();
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedByName = uploadedBy.Name;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private init; }

    public string FileName { get; private init; }

    public string ContentType { get; private init; }

    public long SizeBytes { get; private init; }

    /// <summary>Lower-case hexadecimal SHA-256 of the content: proves the file is unchanged and finds its content.</summary>
    public string Sha256 { get; private init; }

    public string UploadedByName { get; private init; }

    public DateTimeOffset UploadedAt { get; private init; }
}

/// <summary>One step in a return's life, in words, for the return's history and report data-quality notes.</summary>
public sealed class ReturnEvent
{
    public const int DescriptionMaxLength = 2000;

    private ReturnEvent()
    {
        Description = string.Empty;
        ActorUserId = string.Empty;
        ActorName = string.Empty;
    }

    internal ReturnEvent(int number, ReturnEventKind kind, string description, Actor actor, DateTimeOffset occurredAt)
    {
        Number = number;
        Kind = kind;
        Description = description.Length <= DescriptionMaxLength ? description : description[..DescriptionMaxLength];
        ActorUserId = actor.UserId;
        ActorName = actor.Name;
        OccurredAt = occurredAt;
    }

    public int Number { get; private init; }

    public ReturnEventKind Kind { get; private init; }

    public string Description { get; private init; }

    public string ActorUserId { get; private init; }

    public string ActorName { get; private init; }

    public DateTimeOffset OccurredAt { get; private init; }
}

public sealed record ReturnSubmitted(ReturnId ReturnId, ContractId ContractId, ReportingPeriod Period, bool Resubmission) : IDomainEvent;

public sealed record ReturnWithdrawn(ReturnId ReturnId, ContractId ContractId, ReportingPeriod Period) : IDomainEvent;

public sealed record ReturnQueried(ReturnId ReturnId, ContractId ContractId, ReportingPeriod Period, int Queries) : IDomainEvent;

public sealed record ReturnAccepted(ReturnId ReturnId, ContractId ContractId, ReportingPeriod Period) : IDomainEvent;

public sealed record RestatementProposed(ReturnId ReturnId, ContractId ContractId, ReportingPeriod Period, IndicatorId IndicatorId) : IDomainEvent;

public sealed record ReturnRestated(ReturnId ReturnId, ContractId ContractId, ReportingPeriod Period, IndicatorId IndicatorId) : IDomainEvent;

public sealed record RestatementRejected(ReturnId ReturnId, ContractId ContractId, ReportingPeriod Period, IndicatorId IndicatorId) : IDomainEvent;
