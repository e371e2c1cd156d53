namespace ContractOutcomes.Application.Returns.Common;

/// <summary>A file to send to the user. <see cref="ContentType"/> is one the product chose, never one a user supplied.</summary>
public sealed record FileDownload(string FileName, string ContentType, byte[] Content);
