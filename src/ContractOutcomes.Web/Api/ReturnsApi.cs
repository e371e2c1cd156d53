using System.Globalization;
using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Returns.AcceptReturn;
using ContractOutcomes.Application.Returns.AddEvidence;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Application.Returns.Csv;
using ContractOutcomes.Application.Returns.DecideRestatement;
using ContractOutcomes.Application.Returns.Evidence;
using ContractOutcomes.Application.Returns.GetEvidenceFile;
using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Application.Returns.GetReturnCalendar;
using ContractOutcomes.Application.Returns.GetReturnCsvTemplate;
using ContractOutcomes.Application.Returns.ListReturnsForReview;
using ContractOutcomes.Application.Returns.ProposeRestatement;
using ContractOutcomes.Application.Returns.QueryReturn;
using ContractOutcomes.Application.Returns.RemoveEvidence;
using ContractOutcomes.Application.Returns.SaveReturnDraft;
using ContractOutcomes.Application.Returns.SubmitReturn;
using ContractOutcomes.Application.Returns.UploadReturnCsv;
using ContractOutcomes.Application.Returns.WithdrawReturn;
using MediatR;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace ContractOutcomes.Web.Api;

/// <summary>
/// Quarterly returns over JSON, for providers' case-management systems and commissioners' own tools: the
/// same use cases as the return pages. {period} is the period's slug ("2025-26-Q1"); its label also works.
/// A change answers with the return's new version, in the body and the ETag, to send back as If-Match;
/// one that creates something (a restatement, an evidence file) answers 201 with its id instead.
/// </summary>
public static class ReturnsApi
{
    private const string CsvMediaType = "text/csv";

    // Room for the multipart boundaries and part headers around the file itself.
    private const long MultipartOverheadBytes = 64 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/returns/review", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListReturnsForReview(), ct)))
            .WithTags("Returns").WithName("ListReturnsForReview")
            .WithSummary("Your commissioning body's work list: submitted returns to accept or query, restatements to decide, and overdue returns (Commissioner).")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var returns = api.MapGroup("/contracts/{contractId:guid}/returns").WithTags("Returns");

        returns.MapGet("/", async (IMediator mediator, Guid contractId, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetReturnCalendar(contractId), ct)))
            .WithName("GetReturnCalendar").WithSummary("Every reporting period of the contract: where its return stands, when it is due and how late it is.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        returns.MapGet("/{period}", async (IMediator mediator, HttpContext http, Guid contractId, string period, CancellationToken ct) =>
            {
                var view = await mediator.Send(new GetReturn(contractId, period), ct);
                ETags.Set(http, view.Version);
                return TypedResults.Ok(view);
            })
            .WithName("GetReturn")
            .WithSummary("One period's return: figures against targets, queries, evidence, restatements, history and what you may do now.")
            .WithDescription("The ETag header carries the return's version (0 for a return nobody has started). Send it as If-Match with a change.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        returns.MapPut("/{period}", async (IMediator mediator, HttpContext http, Guid contractId, string period, ReturnFiguresBody body, CancellationToken ct) =>
            {
                ArgumentNullException.ThrowIfNull(body);
                return Changed(http, await mediator.Send(new SaveReturnDraft(contractId, period, ETags.IfMatch(http), body.Figures), ct));
            })
            .WithName("SaveReturnDraft")
            .WithSummary("Saves draft figures (Provider). Indicators left out keep their saved figures; an entry with everything null clears one.")
            .WithDescription(
                "Give 'value' for a count, number of days or amount; give 'numerator' and 'denominator' for a percentage or rate " +
                "(the value is calculated from them). Opens the return if nobody has started it. Send If-Match to guard against lost updates.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        returns.MapPost("/{period}/submission", async (IMediator mediator, HttpContext http, Guid contractId, string period, CancellationToken ct) =>
                Changed(http, await mediator.Send(new SubmitReturn(contractId, period, ETags.IfMatch(http)), ct)))
            .WithName("SubmitReturn").WithSummary("Submits a draft or queried return for the commissioner to review (Provider).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        returns.MapPost("/{period}/withdrawal", async (IMediator mediator, HttpContext http, Guid contractId, string period, CancellationToken ct) =>
                Changed(http, await mediator.Send(new WithdrawReturn(contractId, period, ETags.IfMatch(http)), ct)))
            .WithName("WithdrawReturn").WithSummary("Takes a submitted return back to change it, until the commissioner has acted on it (Provider).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        returns.MapPost("/{period}/acceptance", async (IMediator mediator, HttpContext http, Guid contractId, string period, CancellationToken ct) =>
                Changed(http, await mediator.Send(new AcceptReturn(contractId, period, ETags.IfMatch(http)), ct)))
            .WithName("AcceptReturn").WithSummary("Accepts a submitted return: its figures are locked and feed ratings and payments (Commissioner).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        returns.MapPost("/{period}/queries", async (IMediator mediator, HttpContext http, Guid contractId, string period, QueryReturnBody body, CancellationToken ct) =>
            {
                ArgumentNullException.ThrowIfNull(body);
                return Changed(http, await mediator.Send(new QueryReturn(contractId, period, ETags.IfMatch(http), body.Questions), ct));
            })
            .WithName("QueryReturn")
            .WithSummary("Sends a submitted return back to the provider with a question about each listed indicator (Commissioner).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        returns.MapPost("/{period}/restatements", async Task<Created<CreatedResource>> (IMediator mediator, HttpContext http, Guid contractId, string period, RestatementBody body, CancellationToken ct) =>
            {
                ArgumentNullException.ThrowIfNull(body);
                var id = await mediator.Send(
                    new ProposeRestatement(contractId, period, ETags.IfMatch(http), body.IndicatorId ?? Guid.Empty, body.Value, body.Numerator, body.Denominator, body.Commentary, body.Reason),
                    ct);
                return TypedResults.Created(ReturnLocation(contractId, period), new CreatedResource(id));
            })
            .WithName("ProposeRestatement")
            .WithSummary("Proposes a corrected figure for an accepted return, with the reason; it takes effect only when a commissioner approves it (Provider).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        returns.MapPost("/{period}/restatements/{restatementId:guid}/decision", async (IMediator mediator, HttpContext http, Guid contractId, string period, Guid restatementId, RestatementDecisionBody body, CancellationToken ct) =>
            {
                ArgumentNullException.ThrowIfNull(body);
                return Changed(http, await mediator.Send(new DecideRestatement(contractId, period, ETags.IfMatch(http), restatementId, body.Approve, body.Reason), ct));
            })
            .WithName("DecideRestatement")
            .WithSummary("Approves a proposed restatement, so the corrected figure takes effect, or rejects it with a reason (Commissioner).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        returns.MapGet("/{period}/template", async (IMediator mediator, HttpContext http, Guid contractId, string period, CancellationToken ct) =>
                Download(http, await mediator.Send(new GetReturnCsvTemplate(contractId, period), ct)))
            .WithName("GetReturnCsvTemplate")
            .WithSummary("The CSV template for the return: a row per indicator with its target and any figures already saved.")
            .Produces<string>(StatusCodes.Status200OK, CsvMediaType).ProducesProblem(StatusCodes.Status404NotFound);

        returns.MapPost("/{period}/csv", async Task<Results<Ok<CsvUploadResult>, ProblemHttpResult>> (IMediator mediator, HttpContext http, Guid contractId, string period, string? fileName, CancellationToken ct) =>
            {
                if (!IsCsv(http.Request))
                {
                    return Refused(http, StatusCodes.Status415UnsupportedMediaType, "The request body must be a CSV file",
                        $"Send the file itself as the request body with 'Content-Type: {CsvMediaType}'.");
                }

                var content = await ReadUpToAsync(http.Request, ReturnCsv.MaxBytes, ct);
                if (content is null)
                {
                    return Refused(http, StatusCodes.Status413PayloadTooLarge, "The file is too large", "The file must be smaller than 1 MB.");
                }

                var result = await mediator.Send(new UploadReturnCsv(contractId, period, ETags.IfMatch(http), fileName ?? "api-upload.csv", content), ct);
                ETags.Set(http, result.Version);
                return TypedResults.Ok(result);
            })
            .WithName("UploadReturnCsv")
            .WithSummary("Imports the return's figures from a CSV file sent as the request body (Provider): every row, or none.")
            .WithDescription(
                "The file is the template from GET .../template, filled in. UTF-8 (with or without a BOM) and Windows-1252 are read. " +
                "If any row has a problem nothing is imported, and the 422 problem lists each one in 'problems' with its line, column and message. " +
                "Sending the same file twice is harmless. 'fileName' is recorded in the return's history.")
            .AddOpenApiOperationTransformer(DocumentBody(CsvMediaType, "The CSV file.", new OpenApiSchema { Type = JsonSchemaType.String }))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        returns.MapGet("/{period}/evidence/{evidenceId:guid}", async (IMediator mediator, HttpContext http, Guid contractId, string period, Guid evidenceId, CancellationToken ct) =>
                Download(http, await mediator.Send(new GetEvidenceFile(contractId, period, evidenceId), ct)))
            .WithName("GetEvidenceFile").WithSummary("Downloads an evidence file, as an attachment with the type judged from its content when it was uploaded.")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);

        returns.MapPost("/{period}/evidence", async Task<Results<Created<CreatedResource>, ProblemHttpResult>> (IMediator mediator, HttpContext http, Guid contractId, string period, CancellationToken ct) =>
            {
                if (!http.Request.HasFormContentType)
                {
                    return Refused(http, StatusCodes.Status415UnsupportedMediaType, "The request must be a multipart form",
                        "Send the file as the one part named 'file' of a 'multipart/form-data' request.");
                }

                var file = await ReadOneFileAsync(http, ct);
                if (file is null)
                {
                    return Refused(http, StatusCodes.Status413PayloadTooLarge, "The file is too large", "The selected file must be smaller than 10 MB.");
                }

                var id = await mediator.Send(new AddEvidence(contractId, period, ETags.IfMatch(http), file.Value.FileName, file.Value.Content), ct);
                return TypedResults.Created($"{ReturnLocation(contractId, period)}/evidence/{id}", new CreatedResource(id));
            })
            .WithName("AddEvidence")
            .WithSummary("Attaches an evidence file to a draft or queried return (Provider): PDF, spreadsheet, CSV, Word document, or PNG or JPEG image, up to 10 MB.")
            .WithDescription("Send one file, in the form part named 'file'. Its type is judged from its content, which must match its extension.")
            .AddOpenApiOperationTransformer(DocumentBody(
                "multipart/form-data",
                "One part, named 'file', holding the evidence file.",
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string>(StringComparer.Ordinal) { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                    {
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                    },
                }))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        returns.MapDelete("/{period}/evidence/{evidenceId:guid}", async (IMediator mediator, HttpContext http, Guid contractId, string period, Guid evidenceId, CancellationToken ct) =>
                Changed(http, await mediator.Send(new RemoveEvidence(contractId, period, ETags.IfMatch(http), evidenceId), ct)))
            .WithName("RemoveEvidence").WithSummary("Removes an evidence file from a draft or queried return (Provider). The history keeps the record of it.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>
    /// Describes a body the handler reads itself. Accepts() would describe it too, but it also makes routing
    /// turn away other content types before authentication, and the client would get no problem details.
    /// </summary>
    private static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> DocumentBody(string mediaType, string description, OpenApiSchema schema) =>
        (operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [mediaType] = new OpenApiMediaType { Schema = schema } },
            };
            return Task.CompletedTask;
        };

    private static string ReturnLocation(Guid contractId, string period) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/v1/contracts/{contractId}/returns/{Uri.EscapeDataString(period)}");

    /// <summary>The answer to a change: the return's new version, in the body and as the ETag.</summary>
    private static Ok<ReturnVersion> Changed(HttpContext http, int version)
    {
        ETags.Set(http, version);
        return TypedResults.Ok(new ReturnVersion(version));
    }

    private static FileContentHttpResult Download(HttpContext http, FileDownload file)
    {
        // The content type is one the product chose; nosniff stops a browser second-guessing it.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static ProblemHttpResult Refused(HttpContext http, int status, string title, string detail) =>
        TypedResults.Problem(detail, http.Request.Path, status, title);

    private static bool IsCsv(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The request body, or null when it is longer than <paramref name="maxBytes"/>. Reads at most one byte
    /// more than the limit, so an oversized body is refused without being held in memory.
    /// </summary>
    private static async Task<byte[]?> ReadUpToAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > maxBytes ? null : buffer[..length];
    }

    /// <summary>
    /// The one file of a multipart request, or null when it is larger than evidence may be. The form is
    /// read with a limit on each part, so an oversized file is refused as it arrives.
    /// </summary>
    private static async Task<(string FileName, byte[] Content)?> ReadOneFileAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > EvidenceFiles.MaxBytes + MultipartOverheadBytes)
        {
            return null;
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
        {
            MultipartBodyLengthLimit = EvidenceFiles.MaxBytes,
            ValueCountLimit = 16,
        }));
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e) when (e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new InputValidationException("File", $"The request is not a multipart form that can be read: {e.Message}");
        }

        if (form.Files.Count > 1)
        {
            throw new InputValidationException("File", "Send one file at a time");
        }

        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null)
            ?? throw new InputValidationException("File", "Select a file");
        await using var stream = file.OpenReadStream();
        using var content = new MemoryStream((int)file.Length);
        await stream.CopyToAsync(content, cancellationToken);
        return (file.FileName, content.ToArray());
    }
}

/// <summary>A return's version after a change; send it back as If-Match with the next one.</summary>
public sealed record ReturnVersion(int Version);

/// <param name="Figures">One entry per indicator to change. Indicators left out keep their saved figures; an entry with everything null clears one.</param>
public sealed record ReturnFiguresBody(IReadOnlyList<FigureInput>? Figures);

public sealed record QueryReturnBody(IReadOnlyList<QueryQuestion>? Questions);

public sealed record RestatementBody(Guid? IndicatorId, decimal? Value, decimal? Numerator, decimal? Denominator, string? Commentary, string? Reason);

public sealed record RestatementDecisionBody(bool? Approve, string? Reason);

