using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Hereafter.Web.Tests.Platform;

/// <summary>
/// The types each type of an assembly uses, read from its IL with Mono.Cecil: signatures, base types, attributes,
/// locals and every type, method or field an instruction names. Compiler-generated nested types (lambdas, async
/// state machines, Razor render code) count for the type that declares them. Constants and <c>nameof</c> are
/// inlined by the compiler and leave no reference.
/// </summary>
public static class TypeReferences
{
    /// <summary>A use of <paramref name="To"/> by <paramref name="From"/> (full names, outermost declaring type).</summary>
    public sealed record Use(string From, string FromNamespace, string To, string ToNamespace);

    public static IReadOnlyList<Use> In(System.Reflection.Assembly assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        var uses = new HashSet<Use>();
        foreach (var type in module.Types) Collect(type, Outermost(type), uses);
        return uses.ToList();
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private static void Collect(TypeDefinition type, TypeDefinition owner, HashSet<Use> uses)
    {
        void Add(TypeReference? reference)
        {
            foreach (var named in Flatten(reference))
            {
                var outer = named;
                while (outer.DeclaringType is not null) outer = outer.DeclaringType;
                uses.Add(new Use(owner.FullName, owner.Namespace, outer.FullName, outer.Namespace));
            }
        }
        void AddAttributes(ICustomAttributeProvider provider)
        {
            if (!provider.HasCustomAttributes) return;
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Select(p => p.Argument)))
                    if (argument.Value is TypeReference typeArgument) Add(typeArgument);
            }
        }
        void AddMethod(MethodReference method)
        {
            Add(method.DeclaringType);
            Add(method.ReturnType);
            foreach (var parameter in method.Parameters) Add(parameter.ParameterType);
            if (method is GenericInstanceMethod generic)
                foreach (var argument in generic.GenericArguments) Add(argument);
        }

        AddAttributes(type);
        Add(type.BaseType);
        foreach (var implemented in type.Interfaces) Add(implemented.InterfaceType);
        foreach (var field in type.Fields) { Add(field.FieldType); AddAttributes(field); }
        foreach (var property in type.Properties) { Add(property.PropertyType); AddAttributes(property); }
        foreach (var method in type.Methods)
        {
            AddMethod(method);
            AddAttributes(method);
            foreach (var parameter in method.Parameters) AddAttributes(parameter);
            if (!method.HasBody) continue;
            foreach (var local in method.Body.Variables) Add(local.VariableType);
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t: Add(t); break;
                    case MethodReference m: AddMethod(m); break;
                    case FieldReference f: Add(f.DeclaringType); Add(f.FieldType); break;
                }
            }
        }
        foreach (var nested in type.NestedTypes) Collect(nested, owner, uses);
    }

    /// <summary>The named types inside a reference: element types of arrays, pointers and by-refs, generic arguments.</summary>
    private static IEnumerable<TypeReference> Flatten(TypeReference? reference)
    {
        switch (reference)
        {
            case null or GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var t in Flatten(generic.ElementType)) yield return t;
                foreach (var argument in generic.GenericArguments)
                    foreach (var t in Flatten(argument)) yield return t;
                yield break;
            case TypeSpecification specification:
                foreach (var t in Flatten(specification.ElementType)) yield return t;
                yield break;
            default:
                yield return reference;
                yield break;
        }
    }
}
