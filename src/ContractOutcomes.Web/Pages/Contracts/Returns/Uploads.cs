namespace ContractOutcomes.Web.Pages.Contracts.Returns;

/// <summary>Reads an uploaded file into memory without ever holding more than the limit allows.</summary>
public static class Uploads
{
    /// <summary>
    /// The file's bytes, or null when it is larger than <paramref name="maxBytes"/>. The declared length is
    /// checked first; the read stops one byte past the limit in case the declared length was wrong.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(IFormFile file, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > maxBytes)
        {
            return null;
        }

        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream((int)Math.Min(file.Length, maxBytes));
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
