using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Hereafter.Web.Platform.Errors;

/// <summary>
/// A business outcome that is not success, raised by a handler and answered as ProblemDetails: its detail is
/// a catalogue <see cref="Message"/> in the request's language, and its key is sent as <c>code</c>.
/// </summary>
public class ProblemException : Exception
{
    public ProblemException(int status, string title, Message detail, string? type = null) : this(status, title, Texts.Of(detail), type) =>
        Code = detail.Key;

    private protected ProblemException(int status, string title, string? detail, string? type) : base(detail ?? title)
    {
        Status = status;
        Title = title;
        Detail = detail;
        ProblemType = type;
    }

    public int Status { get; }
    public string Title { get; }

    /// <summary>The text shown to the person, in the request's language.</summary>
    public string? Detail { get; }

    /// <summary>The catalogue key of <see cref="Detail"/>, sent as the problem's <c>code</c>.</summary>
    public string? Code { get; }

    public string? ProblemType { get; }

    public static ProblemException NotFound(Message what) => new(StatusCodes.Status404NotFound, "Not found", what);
    public static ProblemException Forbidden(Message why) => new(StatusCodes.Status403Forbidden, "Forbidden", why);
    public static ProblemException Conflict(Message why, string? type = null) => new(StatusCodes.Status409Conflict, "Conflict", why, type);
    public static ProblemException BadRequest(Message why) => new(StatusCodes.Status400BadRequest, "Bad request", why);
    public static ProblemException NotAcceptable(Message why) => new(StatusCodes.Status406NotAcceptable, "Not acceptable", why);

    /// <summary>Sent as the <c>Retry-After</c> header (whole seconds, at least 1) when set.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Further members of the problem (e.g. <c>remaining</c> of an amount refused over a limit), for API clients.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>
    /// The ProblemDetails this problem is answered with: the exception handler's answer, and that of an endpoint that
    /// returns an expected refusal without throwing it (a throw through the middleware costs more than the refusal).
    /// </summary>
    public ProblemDetails ToProblemDetails()
    {
        ProblemDetails details = this is FieldValidationException fields
            ? new HttpValidationProblemDetails(fields.Errors) { Status = 400, Title = Title }
            : new ProblemDetails { Status = Status, Title = Title, Detail = Detail };
        if (this is FieldValidationException validation) details.Extensions["errorCodes"] = validation.Codes;
        if (Code is not null) details.Extensions["code"] = Code;
        if (ProblemType is not null) details.Type = ProblemType;
        foreach (var (name, value) in Extensions ?? new Dictionary<string, object?>()) details.Extensions[name] = value;
        return details;
    }

    public static ProblemException TooManyRequests(Message why, TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, "Too many requests", why) { RetryAfter = retryAfter };

}

/// <summary>One field's problem: the JSON path of the field (e.g. <c>decedent.idNumber</c>) and what to tell the person.</summary>
public sealed record FieldMessage(string Field, Message Message);

/// <summary>
/// Field-level validation failure: 400 with <c>errors</c> (texts in the request's language) and <c>errorCodes</c>
/// (their catalogue keys), both keyed by JSON path.
/// </summary>
public sealed class FieldValidationException : ProblemException
{
    public FieldValidationException(IReadOnlyCollection<FieldMessage> errors)
        : this(Group(errors, m => Texts.Of(m)), Group(errors, m => m.Key))
    {
    }

    public FieldValidationException(string field, Message message) : this([new FieldMessage(field, message)])
    {
    }

    private FieldValidationException(IDictionary<string, string[]> errors, IDictionary<string, string[]> codes)
        : base(StatusCodes.Status400BadRequest, "One or more fields are invalid.",
            string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")), null)
    {
        Errors = errors;
        Codes = codes;
    }

    /// <summary>The texts of each field, in the request's language.</summary>
    public IDictionary<string, string[]> Errors { get; }

    /// <summary>Every field's text in one line, for a page that shows the problems together.</summary>
    public string AllTexts => string.Join(" ", Errors.SelectMany(e => e.Value));

    /// <summary>The catalogue keys of each field's messages, in the order of <see cref="Errors"/>.</summary>
    public IDictionary<string, string[]> Codes { get; }

    private static Dictionary<string, string[]> Group(IEnumerable<FieldMessage> errors, Func<Message, string> select) =>
        errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => select(e.Message)).Distinct().ToArray(), StringComparer.Ordinal);
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
        var details = problem.ToProblemDetails();
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception }))
            return true;
        // The writer declines when Accept names no JSON (a FHIR system asking for XML, a download asking for CSV):
        // the refusal is still said, as problem JSON, rather than as an empty body.
        await httpContext.Response.WriteAsJsonAsync(details, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        return true;
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
