using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContractOutcomes.Web.Tests;

/// <summary>A browser-like client: keeps cookies, reads forms and their antiforgery tokens from the HTML.</summary>
public sealed class PageClient(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public static async Task<PageClient> SignedIn(WebAppFactory app, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = new PageClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var response = await client.PostForm("/Account/SignIn", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> Get(string url)
    {
        var response = await Http.GetAsync(new Uri(url, UriKind.Relative));
        return (response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Posts a form the way a browser would: the page's own token and default values, overridden by <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> PostForm(string url, IDictionary<string, string> fields, string? formAction = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var (_, document) = await Get(url);
        var form = document.Forms.FirstOrDefault(f =>
                f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)
                && f.QuerySelector("[name='__RequestVerificationToken']") is not null
                && (formAction is null || (f.GetAttribute("action") ?? string.Empty).Contains(formAction, StringComparison.Ordinal))
                && (fields.Count == 0 || fields.Keys.Any(k => f.QuerySelector($"[name='{k}']") is not null)))
            ?? throw new InvalidOperationException($"No matching form on {url}.");
        var values = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } input when input.IsChecked && input.Name is { } name:
                    values[name] = input.Value;
                    break;
                case IHtmlInputElement { Type: not ("checkbox" or "radio" or "submit") } input when input.Name is { } name:
                    values[name] = input.Value;
                    break;
                case IHtmlTextAreaElement textArea when textArea.Name is { } name:
                    values[name] = textArea.Value;
                    break;
                case IHtmlSelectElement select when select.Name is { } name:
                    values[name] = select.Value ?? string.Empty;
                    break;
            }
        }

        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        using var content = new FormUrlEncodedContent(values);
        return await Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public static async Task<IHtmlDocument> Html(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }
}
