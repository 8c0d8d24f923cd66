using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Hereafter.Web.Platform.Errors;

/// <summary>A business outcome that is not success, raised by a handler and answered as ProblemDetails.</summary>
public class ProblemException(int status, string title, string? detail = null, string? type = null) : Exception(detail ?? title)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public string? ProblemType { get; } = type;

    public static ProblemException NotFound(string what) => new(StatusCodes.Status404NotFound, "Not found", what);
    public static ProblemException Forbidden(string why) => new(StatusCodes.Status403Forbidden, "Forbidden", why);
    public static ProblemException Conflict(string why, string? type = null) => new(StatusCodes.Status409Conflict, "Conflict", why, type);
    public static ProblemException BadRequest(string why) => new(StatusCodes.Status400BadRequest, "Bad request", why);

    /// <summary>Sent as the <c>Retry-After</c> header (whole seconds, at least 1) when set.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static ProblemException TooManyRequests(string why, TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, "Too many requests", why) { RetryAfter = retryAfter };
}

/// <summary>Field-level validation failure: 400 with errors keyed by JSON path (e.g. <c>decedent.idNumber</c>).</summary>
public sealed class FieldValidationException(IDictionary<string, string[]> errors)
    : ProblemException(StatusCodes.Status400BadRequest, "One or more fields are invalid.",
        string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}

internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            httpContext.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
            });
        }
        if (exception is not ProblemException problem) return false;
        // The middleware has already pointed Request.Path at the error page: look at the original path.
        var path = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.Ordinal)) return false;
        httpContext.Response.StatusCode = problem.Status;
        if (problem.RetryAfter is { } retryAfter)
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        ProblemDetails details = problem is FieldValidationException fields
            ? new HttpValidationProblemDetails(fields.Errors) { Status = 400, Title = problem.Title }
            : new ProblemDetails { Status = problem.Status, Title = problem.Title, Detail = problem.Detail };
        if (problem.ProblemType is not null) details.Type = problem.ProblemType;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}

public static class ErrorsModule
{
    public static IServiceCollection AddPlatformErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }
}
