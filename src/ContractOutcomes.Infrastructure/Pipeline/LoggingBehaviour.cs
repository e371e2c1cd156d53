using System.Diagnostics;
using ContractOutcomes.Application.Common.Interfaces;
using MediatR;
using Microsoft.Extensions.Logging;

namespace ContractOutcomes.Infrastructure.Pipeline;

public sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger, ICurrentUser currentUser)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next().ConfigureAwait(false);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var user = currentUser.IsAuthenticated ? currentUser.UserId : "anonymous";
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Handled(logger, typeof(TRequest).Name, user, elapsed);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} for {User} took {ElapsedMilliseconds:0.0} ms")]
    private static partial void Handled(ILogger logger, string request, string user, double elapsedMilliseconds);
}
