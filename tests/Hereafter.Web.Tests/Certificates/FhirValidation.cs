using Firely.Fhir.Validation;
using Hereafter.Web.Modules.Certificates.Features.ExportFhirDocument;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Hereafter.Web.Tests.Certificates;

/// <summary>
/// Firely's profile validator over the base FHIR R4 specification (the <c>specification.zip</c> that
/// Hl7.Fhir.Specification.Data.R4 copies next to the test assembly). Built once and shared: it compiles every
/// StructureDefinition it meets into a schema and keeps it, so the first validation takes seconds and the rest
/// milliseconds.
/// </summary>
public static class FhirValidation
{
    private static readonly Lazy<Validator> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Validates against base R4 and every resolvable profile the resources declare.</summary>
    public static OperationOutcome Validate(Resource resource) => Shared.Value.Validate(resource);

    /// <summary>The issues that make a document invalid: severity error or fatal.</summary>
    public static List<OperationOutcome.IssueComponent> Errors(OperationOutcome outcome) =>
        [.. outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)];

    /// <summary>Every issue, one a line (severity, location, text), for an assertion message a person can read.</summary>
    public static string Describe(OperationOutcome outcome) => outcome.Issue.Count == 0 ? "(no issues)"
        : string.Join(Environment.NewLine, outcome.Issue.Select(i =>
            $"{i.Severity} [{i.Code}] {string.Join(", ", i.Expression.Concat(i.Location))}: {i.Details?.Text ?? i.Diagnostics}"));

    /// <summary>Fails, listing every issue, when the outcome has an error or a fatal issue.</summary>
    public static void AssertNoErrors(OperationOutcome outcome)
    {
        var errors = Errors(outcome);
        Assert.True(errors.Count == 0, $"Firely found {errors.Count} error(s) in the document:{Environment.NewLine}{Describe(outcome)}");
    }

    private static Validator Create()
    {
        var zip = Path.Combine(AppContext.BaseDirectory, "specification.zip");
        if (!File.Exists(zip))
            throw new FileNotFoundException("Hl7.Fhir.Specification.Data.R4 copies the R4 specification.zip to the test output folder; it is missing", zip);
        var resolver = new CachedResolver(new SnapshotSource(new ZipSource(zip)));
        var terminology = LocalTerminologyService.CreateDefaultForCore(resolver);
        var settings = new ValidationSettings
        {
            // The VRDR StructureDefinitions come in the FHIR package hl7.fhir.us.vrdr, which is published on the FHIR
            // package registry, not on NuGet, and this machine and CI reach no other registry: the validator cannot
            // resolve the canonicals our resources declare in meta.profile, and left in, each would be an "unable to
            // resolve reference to profile" error. Drop only those: the resource is
            // still validated against its base R4 definition, and any other profile it declares (a typo, a foreign
            // one) must resolve or fail. Unresolvable VRDR extension URLs and code systems come out as warnings.
            SelectValidationProfiles = (_, profiles, _, _) => [.. profiles.Where(p => !IsVrdr(p.ToString()))],
        };
        return new Validator(resolver, terminology, referenceResolver: null, settings);
    }

    private static bool IsVrdr(string canonical) => canonical.StartsWith(FhirDocumentBuilder.Profiles.Base, StringComparison.Ordinal);
}
