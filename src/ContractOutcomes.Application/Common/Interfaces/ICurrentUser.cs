using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Application.Common.Interfaces;

/// <summary>Who is asking: the signed-in user, an API token's owner, or the system itself.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    string UserId { get; }

    string Name { get; }

    OrganisationId? OrganisationId { get; }

    bool IsInRole(string role);

    Actor AsActor() => new(UserId, Name);
}
