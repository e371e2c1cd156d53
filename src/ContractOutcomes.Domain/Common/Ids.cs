namespace ContractOutcomes.Domain.Common;

public readonly record struct OrganisationId(Guid Value)
{
    public static OrganisationId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct ContractId(Guid Value)
{
    public static ContractId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct IndicatorId(Guid Value)
{
    public static IndicatorId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Who did something: the signed-in user's id and the name shown in histories.</summary>
public sealed record Actor(string UserId, string Name)
{
    public static Actor System { get; } = new("system", "ContractOutcomes");
}

public readonly record struct ReturnId(Guid Value)
{
    public static ReturnId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
