using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ContractOutcomes.Web.Tests.Returns;

/// <summary>
/// Browser-like form posting for the return page tests: a form posted from a page already loaded (so two users
/// can each hold a stale copy), file uploads, and a small CSV reader and writer for editing templates.
/// </summary>
internal static class ProviderPageSupport
{
    /// <summary>The values a browser would post for <paramref name="form"/>: every field but the buttons.</summary>
    public static Dictionary<string, string> Values(IHtmlFormElement form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } input when input.IsChecked && input.Name is { } name:
                    values[name] = input.Value;
                    break;
                case IHtmlInputElement { Type: not ("checkbox" or "radio" or "submit" or "file") } input when input.Name is { } name:
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

        return values;
    }

    /// <summary>The page's posting form that has a field called <paramref name="field"/> (or the first one when null).</summary>
    public static IHtmlFormElement PostForm(IHtmlDocument document, string? field = null) =>
        document.Forms.FirstOrDefault(f =>
            f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)
            && f.QuerySelector("[name='__RequestVerificationToken']") is not null
            && (field is null || f.QuerySelector($"[name='{field}']") is not null))
        ?? throw new InvalidOperationException($"The page has no form with a field called {field}.");

    /// <summary>Posts a form from a page loaded earlier, with some fields changed, to <paramref name="url"/> (the page's own address).</summary>
    public static async Task<HttpResponseMessage> Post(PageClient client, string url, IHtmlFormElement form, IDictionary<string, string> fields)
    {
        var values = Values(form);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        using var content = new FormUrlEncodedContent(values);
        return await client.Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>Loads a page and posts its form that has a field called <paramref name="field"/> (not the sign-out form in the header).</summary>
    public static async Task<HttpResponseMessage> PostPage(PageClient client, string url, string field, IDictionary<string, string>? fields = null)
    {
        var (_, document) = await client.Get(url);
        return await Post(client, url, PostForm(document, field), fields ?? new Dictionary<string, string>());
    }

    /// <summary>Uploads a file through the page's multipart form, as a browser would.</summary>
    public static async Task<HttpResponseMessage> Upload(PageClient client, string url, string fileName, byte[] bytes, string contentType)
    {
        var (_, document) = await client.Get(url);
        var form = document.Forms.FirstOrDefault(f => f.Enctype == "multipart/form-data")
            ?? throw new InvalidOperationException($"No upload form on {url}.");
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in Values(form))
        {
            content.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "File", fileName);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        return await client.Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>Follows a Post/Redirect/Get redirect and returns the page it leads to.</summary>
    public static async Task<(string Location, IHtmlDocument Document)> Follow(PageClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var (next, document) = await client.Get(location);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        return (location, document);
    }

    /// <summary>An error message shown beside a field (without the hidden "Error:" prefix), or null.</summary>
    public static string? ErrorBeside(IHtmlDocument document, string fieldId) =>
        document.GetElementById(fieldId + "-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    public static string Text(IElement? element) => element?.TextContent.ReplaceLineEndings(" ").Trim() ?? string.Empty;

    /// <summary>A small but well-formed one-page PDF.</summary>
    public static byte[] Pdf()
    {
        var body = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ];
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(body.Length);
            body.Append(FormattableString.Invariant($"{i + 1} 0 obj\n{objects[i]}\nendobj\n"));
        }

        var xref = body.Length;
        body.Append(FormattableString.Invariant($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            body.Append(FormattableString.Invariant($"{offset:0000000000} 00000 n \n"));
        }

        body.Append(FormattableString.Invariant($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return Encoding.ASCII.GetBytes(body.ToString());
    }

    /// <summary>The start of a PNG image: enough for anything that judges a file by its content.</summary>
    public static byte[] Png() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
        0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
        0x42, 0x60, 0x82,
    ];

    /// <summary>Reads CSV text (quoted fields, doubled quotes, line breaks inside quotes) into rows of cells.</summary>
    public static List<List<string>> ReadCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(cell.ToString());
                    cell.Clear();
                    rows.Add(row);
                    row = [];
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Writes rows as CSV with every cell quoted, as spreadsheets often do.</summary>
    public static byte[] WriteCsv(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(string.Join(",", row.Select(cell => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
