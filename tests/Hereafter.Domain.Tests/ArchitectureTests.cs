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

    [Fact]
    public void DomainProject_DeclaresNoPackageReference()
    {
        // An unused package leaves no assembly reference, so the project file is checked as well.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hereafter.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var project = File.ReadAllText(Path.Combine(dir.FullName, "src", "Hereafter.Domain", "Hereafter.Domain.csproj"));
        Assert.DoesNotContain("<PackageReference", project, StringComparison.Ordinal);
    }
}
