using System.Security.Cryptography;
using System.Text;
using ContractOutcomes.Domain.Notifications;

namespace ContractOutcomes.Application.Notifications.Common;

internal static class DeduplicationKeys
{
    /// <summary>
    /// The key as given when it fits the column; otherwise a SHA-256 of it, which is as unique and always fits
    /// (a user id from another identity store could be long).
    /// </summary>
    public static string Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length <= Notification.KeyMaxLength
            ? key
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
