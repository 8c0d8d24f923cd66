using Hereafter.Web.Platform.Demo;

namespace Hereafter.Web.Tests.Platform;

/// <summary>
/// Boundaries of ADR 0008, checked on the types the compiled code uses (<see cref="TypeReferences"/>), not on
/// <c>using</c> lines: a module uses another only through its <c>Contracts</c> namespace; Platform and the shared
/// Components use no module internals; each module seeds its own demo data behind one method called from Program.
/// </summary>
public sealed class ArchitectureTests
{
    private const string ModulesPrefix = "Hereafter.Web.Modules.";

    private static readonly IReadOnlyList<TypeReferences.Use> Uses = TypeReferences.In(typeof(Program).Assembly);

    private static readonly string[] Modules =
        typeof(Program).Assembly.GetTypes()
            .Select(t => ModuleOf(t.Namespace))
            .OfType<string>()
            .Distinct()
            .ToArray();

    /// <summary>The module a namespace belongs to (Hereafter.Web.Modules.&lt;Module&gt;[.…]), or null.</summary>
    private static string? ModuleOf(string? ns)
    {
        if (ns is null || !ns.StartsWith(ModulesPrefix, StringComparison.Ordinal)) return null;
        var module = ns[ModulesPrefix.Length..].Split('.')[0];
        return module.Length == 0 ? null : module;
    }

    private static bool IsContracts(string ns, string module) =>
        ns == $"{ModulesPrefix}{module}.Contracts" || ns.StartsWith($"{ModulesPrefix}{module}.Contracts.", StringComparison.Ordinal);

    /// <summary>A use of another module's type outside its Contracts, as "user → used".</summary>
    private static string[] InternalsUsedBy(Func<TypeReferences.Use, bool> user, Func<TypeReferences.Use, string?> ownModule) =>
        Uses.Where(user)
            .Where(u => ModuleOf(u.ToNamespace) is { } target && target != ownModule(u) && !IsContracts(u.ToNamespace, target))
            .Select(u => $"{u.From} → {u.To}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static bool InNamespace(string ns, string root) =>
        ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    [Fact]
    public void TheModulesAreFound()
    {
        Assert.Superset(new HashSet<string> { "Certificates", "Sharing", "Reconciliation", "Pricing" }, Modules.ToHashSet());
    }

    [Fact]
    public void TheReferenceReader_SeesUsesInsideMethodBodiesAndRazorPages()
    {
        // Sanity check of the reader the other tests rely on: Program's top-level code calls the demo seeding,
        // and a Razor page's render code uses the module types it shows.
        Assert.Contains(Uses, u => u.From == "Program" && u.To == typeof(DemoData).FullName);
        Assert.Contains(Uses, u => u.From.EndsWith(".RollPage", StringComparison.Ordinal) && u.ToNamespace.StartsWith(ModulesPrefix + "Reconciliation", StringComparison.Ordinal));
    }

    [Fact]
    public void Modules_UseOtherModulesOnlyThroughTheirContracts()
    {
        var leaks = InternalsUsedBy(u => ModuleOf(u.FromNamespace) is not null, u => ModuleOf(u.FromNamespace));
        Assert.True(leaks.Length == 0, "A module uses another module's internals:\n" + string.Join("\n", leaks));
    }

    [Theory]
    [InlineData("Hereafter.Web.Platform")]
    [InlineData("Hereafter.Web.Components")]
    public void SharedCode_UsesModulesOnlyThroughTheirContracts(string root)
    {
        var leaks = InternalsUsedBy(u => InNamespace(u.FromNamespace, root), _ => null);
        Assert.True(leaks.Length == 0, $"{root} uses module internals:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public void PlatformDemo_SeedsNoModuleData()
    {
        // The platform's demo data is organisations, accounts and clients; certificates, rolls and price lists are
        // each seeded by their module (ADR 0008). Platform/Demo may not even use a module's Contracts.
        var uses = Uses.Where(u => InNamespace(u.FromNamespace, "Hereafter.Web.Platform.Demo") && ModuleOf(u.ToNamespace) is not null)
            .Select(u => $"{u.From} → {u.To}").Distinct().ToArray();
        Assert.True(uses.Length == 0, "Platform/Demo uses modules:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void EachModulesDemoData_IsSeededByOneMethodOfTheModule_CalledFromProgram()
    {
        // A module's demo seeding is a public static Seed<Module>DemoAsync in the module's root namespace.
        var seeders = typeof(Program).Assembly.GetTypes()
            .Where(t => ModuleOf(t.Namespace) is not null)
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("Seed", StringComparison.Ordinal) && m.Name.EndsWith("DemoAsync", StringComparison.Ordinal))
                .Select(m => (Type: t, Method: m, Module: ModuleOf(t.Namespace)!)))
            .ToArray();
        var demoTypes = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("DemoData", StringComparison.Ordinal) && t.DeclaringType is null)
            .ToArray();

        var problems = new List<string>();
        foreach (var type in demoTypes.Where(t => ModuleOf(t.Namespace) is { } m && t.Namespace != ModulesPrefix + m))
            problems.Add($"{type.FullName} is not in its module's root namespace");
        foreach (var type in demoTypes.Where(t => ModuleOf(t.Namespace) is { } m && !seeders.Any(s => s.Type == t && s.Method.Name == $"Seed{m}DemoAsync")))
            problems.Add($"{type.FullName} has no public static Seed{ModuleOf(type.Namespace)}DemoAsync");
        foreach (var (type, method, module) in seeders)
        {
            if (method.Name != $"Seed{module}DemoAsync") problems.Add($"{type.FullName}.{method.Name} is named for another module");
            var callers = Uses.Where(u => u.To == type.FullName && u.From != type.FullName).Select(u => u.From).Distinct().ToArray();
            if (!callers.Contains("Program")) problems.Add($"{type.FullName}.{method.Name} is not called from Program");
            foreach (var caller in callers.Where(c => c != "Program"))
                problems.Add($"{type.FullName} is used by {caller}, not only by Program");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
