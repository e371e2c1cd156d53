using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.AccessTokens.CreateAccessToken;

/// <summary>Creates a personal access token for the API, for the signed-in user.</summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record CreateAccessToken(string? Name, int? ExpiresInDays) : ICommand<NewAccessToken>
{
    public const int MaxDays = 366;
}

public sealed class CreateAccessTokenValidator : AbstractValidator<CreateAccessToken>
{
    public CreateAccessTokenValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Enter a name for the token, such as the system that will use it")
            .MaximumLength(100).WithMessage("Name must be 100 characters or fewer");
        RuleFor(x => x.ExpiresInDays).NotNull().WithMessage("Select when the token expires")
            .InclusiveBetween(1, CreateAccessToken.MaxDays).WithMessage($"A token must expire within 1 to {CreateAccessToken.MaxDays} days");
    }
}

public sealed class CreateAccessTokenHandler(IAccessTokens tokens, ICurrentUser user, TimeProvider clock) : IRequestHandler<CreateAccessToken, NewAccessToken>
{
    public Task<NewAccessToken> Handle(CreateAccessToken request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return tokens.CreateAsync(user.UserId, request.Name!.Trim(), clock.GetUtcNow().AddDays(request.ExpiresInDays!.Value), cancellationToken);
    }
}
