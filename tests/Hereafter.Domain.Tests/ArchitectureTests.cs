using NetArchTest.Rules;

namespace Hereafter.Domain.Tests;

public class ArchitectureTests
{
    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    public void Domain_DoesNotDependOnInfrastructure(string forbidden)
    {
        var result = Types.InAssembly(typeof(Hereafter.Domain.Identity.IdNumber).Assembly)
            .ShouldNot().HaveDependencyOn(forbidden)
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Domain_ReferencesNoPackageAssemblies()
    {
        var references = typeof(Hereafter.Domain.Identity.IdNumber).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib", name));
    }
}
