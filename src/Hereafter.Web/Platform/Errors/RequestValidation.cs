using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Hereafter.Domain.Input;
using Hereafter.Domain.Messages;

namespace Hereafter.Web.Platform.Errors;

/// <summary>
/// Checks a request record against the validation attributes on its properties (or its positional parameters),
/// nested records and lists included, and answers every problem as one 400. Each attribute's
/// <see cref="ValidationAttribute.ErrorMessage"/> is the catalogue key of its message; <c>{min}</c>, <c>{max}</c>
/// and <c>{length}</c> are filled from <see cref="RangeAttribute"/>, <see cref="StringLengthAttribute"/>,
/// <see cref="MaxLengthAttribute"/> and <see cref="FreeTextAttribute"/>. Handlers call it, so a page and an API
/// call get the same answer; the attributes also describe the fields in the OpenAPI document.
/// </summary>
public static class RequestValidation
{
    private static readonly ConcurrentDictionary<Type, Rule[]> Rules = new();

    /// <summary>Throws a <see cref="FieldValidationException"/> with every problem of <paramref name="request"/>.</summary>
    public static T Require<T>(T request) where T : class
    {
        var errors = new FieldErrors();
        Check(request, "", errors, depth: 0);
        errors.ThrowIfAny();
        return request;
    }

    /// <summary>Adds the problems of <paramref name="request"/> to <paramref name="errors"/>, under <paramref name="prefix"/>.</summary>
    public static void Check(object? request, string prefix, FieldErrors errors) => Check(request, prefix, errors, depth: 0);

    private static void Check(object? value, string prefix, FieldErrors errors, int depth)
    {
        if (value is null || depth > 8) return;
        foreach (var rule in Rules.GetOrAdd(value.GetType(), RulesOf))
        {
            var field = prefix + rule.Name;
            var fieldValue = rule.Property.GetValue(value);
            var failed = rule.Attributes.FirstOrDefault(a => !a.IsValid(fieldValue));
            if (failed is not null)
            {
                errors.Add(field, MessageOf(failed));
                continue;
            }
            if (fieldValue is string || fieldValue is null) continue;
            if (fieldValue is IEnumerable items)
            {
                var index = 0;
                foreach (var item in items) Check(item, $"{field}[{index++}].", errors, depth + 1);
            }
            else if (HasRules(fieldValue.GetType()))
                Check(fieldValue, field + ".", errors, depth + 1);
        }
    }

    private static Message MessageOf(ValidationAttribute attribute)
    {
        var key = attribute.ErrorMessage
            ?? throw new InvalidOperationException($"{attribute.GetType().Name} needs ErrorMessage set to a message catalogue key.");
        var message = new Message(key);
        return attribute switch
        {
            RangeAttribute range => message.With("min", range.Minimum).With("max", range.Maximum),
            StringLengthAttribute length => message.With("min", length.MinimumLength).With("max", length.MaximumLength),
            MaxLengthAttribute max => message.With("max", max.Length),
            FreeTextAttribute text => message.With("max", text.MaxLength),
            _ => message,
        };
    }

    private static bool HasRules(Type type) => type.IsClass && type != typeof(string) && Rules.GetOrAdd(type, RulesOf).Length > 0;

    private static Rule[] RulesOf(Type type)
    {
        var parameters = type.GetConstructors().SelectMany(c => c.GetParameters()).Where(p => p.Name is not null)
            .GroupBy(p => p.Name!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p =>
            {
                var attributes = p.GetCustomAttributes<ValidationAttribute>(inherit: true)
                    .Concat(parameters.TryGetValue(p.Name, out var parameter) ? parameter.GetCustomAttributes<ValidationAttribute>() : [])
                    .ToArray();
                return new Rule(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name), attributes);
            })
            .Where(r => r.Attributes.Length > 0 || IsNested(r.Property.PropertyType))
            .ToArray();
    }

    // Nested records and lists of them are walked; their own attributes decide whether there is anything to check.
    private static bool IsNested(Type type) =>
        type != typeof(string) && !type.IsValueType && type.Namespace?.StartsWith("Hereafter", StringComparison.Ordinal) == true
        || (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments()[0].Namespace?.StartsWith("Hereafter", StringComparison.Ordinal) == true)
        || (type.IsArray && type.GetElementType()?.Namespace?.StartsWith("Hereafter", StringComparison.Ordinal) == true);

    private sealed record Rule(PropertyInfo Property, string Name, ValidationAttribute[] Attributes);
}

/// <summary>
/// Text a person types (<see cref="FreeText"/>): at most <see cref="MaxLength"/> characters once trimmed, and no
/// control characters or angle brackets unless allowed. Empty passes: add <see cref="RequiredAttribute"/> for that.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class FreeTextAttribute(int maxLength) : ValidationAttribute
{
    public int MaxLength { get; } = maxLength;

    public bool AllowControlCharacters { get; init; }

    public bool AllowAngleBrackets { get; init; }

    public override bool IsValid(object? value) =>
        value is null || (value is string text && FreeText.Check(text.Trim(), MaxLength, required: false, AllowControlCharacters, AllowAngleBrackets) == FreeTextProblems.None);
}
