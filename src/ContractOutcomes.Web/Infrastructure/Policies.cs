namespace ContractOutcomes.Web.Infrastructure;

public static class Policies
{
    public const string Administrator = "Administrator";
    public const string Commissioner = "Commissioner";
    public const string Provider = "Provider";

    /// <summary>API calls authenticate with a personal access token only, so a browser cookie can never be used to forge one.</summary>
    public const string Api = "Api";
}
