using NetArchTest.Rules;

namespace Hereafter.Web.Tests.Platform;

/// <summary>Modules use each other only through their Contracts (STYLE.md).</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Modules =
        typeof(Program).Assembly.GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith("Hereafter.Web.Modules.", StringComparison.Ordinal))
            .Select(n => n!.Split('.')[3])
            .Distinct()
            .ToArray();

    [Fact]
    public void TheCertificatesModuleExists()
    {
        Assert.Contains("Certificates", Modules);
    }

    [Fact]
    public void Modules_TouchOtherModulesOnlyThroughContracts()
    {
        var failures = new List<string>();
        foreach (var module in Modules)
        {
            foreach (var other in Modules.Where(m => m != module))
            {
                var result = Types.InAssembly(typeof(Program).Assembly)
                    .That().ResideInNamespaceStartingWith($"Hereafter.Web.Modules.{module}.")
                    .Or().ResideInNamespace($"Hereafter.Web.Modules.{module}")
                    .ShouldNot().HaveDependencyOnAny(
                        $"Hereafter.Web.Modules.{other}.Data",
                        $"Hereafter.Web.Modules.{other}.Features")
                    .GetResult();
                if (!result.IsSuccessful)
                    failures.AddRange(result.FailingTypeNames ?? []);
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void Platform_DoesNotDependOnModuleInternals()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespaceStartingWith("Hereafter.Web.Platform")
            .And().DoNotResideInNamespace("Hereafter.Web.Platform.Demo")
            .ShouldNot().HaveDependencyOnAny(Modules.Select(m => $"Hereafter.Web.Modules.{m}.Data").ToArray())
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
