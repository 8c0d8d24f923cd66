using Hereafter.Domain.Family;
using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Hereafter.Web.Modules.Family.Features.UploadProof;

public static class UploadProofEndpoint
{
    /// <summary>Room for the multipart boundaries and headers around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    public static RouteGroupBuilder MapUploadProof(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId:guid}/proofs", async (Guid caseId, HttpContext http, UploadProofHandler handler, CancellationToken ct) =>
            {
                var citizen = Citizen.Require(http);
                var file = await ReadFileAsync(http, ct);
                return TypedResults.Created((string?)null, await handler.HandleAsync(citizen, caseId, file, ct));
            })
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Upload proof of relationship for your claim (multipart field file: PDF, JPEG or PNG, at most 5 MB)")
            .WithDescription("Only for your own claim waiting for proof or rejected; the claim then waits for a civil-affairs clerk. " +
                             "413 over 5 MB; 422 for an empty file, another type, a name or content type that does not match the content, or an executable.")
            .Produces<ProofUploaded>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    /// <summary>The posted <c>file</c>, reading no more of the body than a 5 MB file needs (413 beyond).</summary>
    private static async Task<IFormFile?> ReadFileAsync(HttpContext http, CancellationToken ct)
    {
        const long limit = ProofFile.MaxBytes + FormOverhead;
        if (http.Request.ContentLength > limit) throw UploadProofHandler.Refusal(ProofFileProblem.TooLarge);
        if (!http.Request.HasFormContentType) throw new FieldValidationException("file", new Message("family.proof.file-required"));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        try
        {
            return (await http.Request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (Exception e) when (e is InvalidDataException || (e is BadHttpRequestException b && b.StatusCode == StatusCodes.Status413PayloadTooLarge))
        {
            throw UploadProofHandler.Refusal(ProofFileProblem.TooLarge);
        }
    }
}
