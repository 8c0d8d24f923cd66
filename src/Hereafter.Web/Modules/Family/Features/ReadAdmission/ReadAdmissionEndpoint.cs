namespace Hereafter.Web.Modules.Family.Features.ReadAdmission;

public static class ReadAdmissionEndpoint
{
    public static RouteGroupBuilder MapReadAdmission(this RouteGroupBuilder staff)
    {
        staff.MapGet("/{id:guid}", async (Guid id, HttpContext http, ReadAdmissionHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(FamilyReviewers.Require(http), id, ct)))
            .WithSummary("Civil affairs: one family admission with the applicant, the deceased and the latest proof's facts")
            .Produces<AdmissionDetail>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        staff.MapGet("/{id:guid}/proof", async (Guid id, HttpContext http, ReadProofHandler handler, CancellationToken ct) =>
            {
                var proof = await handler.HandleAsync(FamilyReviewers.Require(http), id, ct);
                // Shown in the browser (inline) under a neutral name; never sniffed into another type, never cached.
                var extension = proof.ContentType switch { "application/pdf" => "pdf", "image/png" => "png", _ => "jpg" };
                http.Response.Headers.ContentDisposition = $"inline; filename=\"proof.{extension}\"";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "no-store";
                return Results.Bytes(proof.Content, proof.ContentType);
            })
            .WithSummary("Civil affairs: the latest proof of relationship of a family admission (PDF, JPEG or PNG, shown inline)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return staff;
    }
}
