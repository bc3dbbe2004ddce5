using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace CustomerSuccess.DependencyInjection;

/// <summary>
/// Checks a configuration section against the options type it binds to, before it is bound: every key names a
/// setting (ignoring case, as the binder matches), every value converts to its setting's type (numbers written with
/// a point, in the invariant culture; enum values by name), and every entry of a list or dictionary converts to its
/// element type. The configuration binder skips what it cannot convert in a list or dictionary and fails at the first
/// bad value elsewhere; this lists every problem, each with its configuration path and value.
/// </summary>
internal static class ConfigurationCheck
{
    /// <summary>Every problem of <paramref name="section"/> read as a <paramref name="type"/>, each with its configuration path.</summary>
    public static List<string> Problems(IConfiguration section, Type type)
    {
        var problems = new List<string>();
        Complex(section, type, problems);
        return problems;
    }

    private static void Check(IConfigurationSection section, Type type, List<string> problems)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(target))
        {
            if (section.GetChildren().Any())
            {
                problems.Add($"{section.Path}: a {Describe(target)} is expected here, not a section of settings ({string.Join(", ", section.GetChildren().Select(c => c.Key))}).");
                return;
            }

            if (section.Value is { } value && Scalar(value, target, type) is { } problem)
            {
                problems.Add($"{section.Path}: '{value}' {problem}.");
            }

            return;
        }

        if (section.Value is { Length: > 0 } text && !section.GetChildren().Any())
        {
            problems.Add($"{section.Path}: '{text}' is a value, but a section of settings is expected here.");
            return;
        }

        if (ElementOfDictionary(target) is { } valueType)
        {
            foreach (var child in section.GetChildren())
            {
                Check(child, valueType, problems);
            }

            return;
        }

        if (ElementOfList(target) is { } elementType)
        {
            foreach (var child in section.GetChildren())
            {
                if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    problems.Add($"{child.Path}: '{child.Key}' is not an index; this setting is a list.");
                    continue;
                }

                Check(child, elementType, problems);
            }

            return;
        }

        Complex(section, target, problems);
    }

    private static void Complex(IConfiguration section, Type type, List<string> problems)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.CanWrite || IsCollection(p.PropertyType)))
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                var settings = properties.Values.Where(p => Configurable(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)).Select(p => p.Name).Order(StringComparer.Ordinal);
                problems.Add($"{child.Path}: no such setting; the settings here are {string.Join(", ", settings)}.");
                continue;
            }

            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!Configurable(propertyType))
            {
                problems.Add($"{child.Path}: {property.Name} is set in code (it is a {propertyType.Name}), not in configuration.");
                continue;
            }

            Check(child, property.PropertyType, problems);
        }
    }

    /// <summary>Why a value does not convert to its type, or null when it does.</summary>
    private static string? Scalar(string value, Type target, Type declared)
    {
        if (value.Length == 0)
        {
            return declared == typeof(string) || Nullable.GetUnderlyingType(declared) is not null ? null : $"is empty; a {Describe(target)} is expected";
        }

        if (target.IsEnum)
        {
            var names = Enum.GetNames(target);
            return names.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase) ? null : $"is not a {target.Name}; the values are {string.Join(", ", names)}";
        }

        var ok = target == typeof(string)
            || (target == typeof(int) && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            || (target == typeof(long) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            || (target == typeof(double) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            || (target == typeof(decimal) && decimal.TryParse(value, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _))
            || (target == typeof(bool) && bool.TryParse(value, out _))
            || (target == typeof(TimeSpan) && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _));
        return ok ? null : target == typeof(int) || target == typeof(long) ? "is not a whole number"
            : target == typeof(double) || target == typeof(decimal) ? "is not a number (write numbers with a point, as in 0.5)"
            : target == typeof(bool) ? "is not true or false"
            : $"is not a {Describe(target)}";
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan);

    private static bool IsCollection(Type type) => ElementOfDictionary(type) is not null || ElementOfList(type) is not null;

    /// <summary>Whether the binder can fill a setting of this type from configuration: not an interface of the library's (a rule, a policy, a model).</summary>
    private static bool Configurable(Type type) =>
        IsScalar(type)
        || (ElementOfDictionary(type) is { } v && Configurable(Nullable.GetUnderlyingType(v) ?? v))
        || (ElementOfList(type) is { } e && Configurable(Nullable.GetUnderlyingType(e) ?? e))
        || (type.IsClass && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null);

    private static Type? ElementOfDictionary(Type type) =>
        Generic(type, typeof(IDictionary<,>)) is { } d && d.GetGenericArguments()[0] == typeof(string) ? d.GetGenericArguments()[1] : null;

    private static Type? ElementOfList(Type type) =>
        type == typeof(string) || ElementOfDictionary(type) is not null ? null
        : type.IsArray ? type.GetElementType()
        : Generic(type, typeof(ICollection<>)) is { } c ? c.GetGenericArguments()[0]
        : Generic(type, typeof(IEnumerable<>)) is { } e && typeof(IEnumerable).IsAssignableFrom(type) ? e.GetGenericArguments()[0]
        : null;

    private static Type? Generic(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition ? type
        : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);

    private static string Describe(Type type) =>
        type == typeof(int) || type == typeof(long) ? "whole number"
        : type == typeof(double) || type == typeof(decimal) ? "number"
        : type == typeof(bool) ? "true or false"
        : type == typeof(string) ? "text"
        : type.Name;
}
