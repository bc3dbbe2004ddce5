using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using CustomerSuccess.Churn;
using CustomerSuccess.Health;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace CustomerSuccess.Tests.PublicApi;

/// <summary>
/// Every public constructor and method of the library, found by reflection, called with a good value for every
/// parameter but one, and for that one a bad value its documentation rules out: null for a parameter the nullable
/// annotations say must not be null, and a value outside an enum's named members. Each must meet an
/// <see cref="ArgumentException"/> (or a subclass) naming that parameter, never a NullReferenceException, an
/// IndexOutOfRange or a silent result. A member is called this way when the good call itself succeeds with the sample
/// values below; the others are listed, and their share is bounded, so a new public member is tested or noticed.
/// </summary>
public sealed class PublicSurfaceBadInputTests(ITestOutputHelper output)
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly LocalDate AsOf = new(2026, 6, 1);
    private static readonly NullabilityInfoContext Nullability = new();

    [Fact]
    public void EveryPublicMember_MeetsItsDocumentedBadInputs_WithAnArgumentExceptionNamingTheParameter()
    {
        var samples = new Samples();
        var failures = new List<string>();
        var checkedCalls = 0;
        var members = 0;
        var untested = new List<string>();
        foreach (var member in Members())
        {
            var parameters = member.GetParameters();
            var bad = parameters.Where(p => IsNonNullableReference(p) || p.ParameterType.IsEnum).ToList();
            if (bad.Count == 0)
            {
                continue;
            }

            members++;
            object? target = null;
            var good = samples.Arguments(parameters);
            if (member.IsSpecialName && member.Name.StartsWith("set_", StringComparison.Ordinal))
            {
                // A setter is tried on an instance of its own, so the shared sample keeps its good values.
                target = samples.Fresh(member.DeclaringType!);
            }
            var why = member is MethodInfo { IsStatic: false } && target is null && !samples.For(member.DeclaringType!, out target) ? "no instance"
                : good.Contains(Samples.Missing) ? "no sample of a parameter"
                : Call(member, target, good) is { } baseline ? $"{baseline.GetType().Name}: {baseline.Message}"
                : null;
            if (why is not null)
            {
                untested.Add($"{Describe(member)}: {why}");
                continue;
            }

            foreach (var p in bad)
            {
                var args = (object?[])good.Clone();
                args[p.Position] = p.ParameterType.IsEnum ? Enum.ToObject(p.ParameterType, 1_000_003) : null;
                checkedCalls++;
                var thrown = Call(member, target, args);
                if (thrown is not ArgumentException argument || argument.ParamName != p.Name)
                {
                    failures.Add($"{Describe(member)} with a bad {p.Name}: {(thrown is null ? "no exception" : $"{thrown.GetType().Name} ({(thrown as ArgumentException)?.ParamName}): {thrown.Message}")}");
                }
            }
        }

        output.WriteLine($"{members} members take a reference or an enum; {members - untested.Count} called, {checkedCalls} bad calls; not called here (no good sample call):");
        untested.ForEach(output.WriteLine);
        output.WriteLine("failures:");
        failures.ForEach(output.WriteLine);
        Assert.Empty(failures);
        Assert.True(checkedCalls >= 140, $"only {checkedCalls} bad calls were made");
        Assert.True(untested.Count * 4 <= members, $"{untested.Count} of {members} members could not be called with good samples: give Samples a value for their types.");
    }

    private static IEnumerable<MethodBase> Members()
    {
        var assembly = typeof(IHealthScoreModel).Assembly;
        foreach (var type in assembly.GetExportedTypes().Where(t => !t.IsInterface && !t.IsEnum && !typeof(Delegate).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            foreach (var ctor in type.GetConstructors().Where(c => !type.IsAbstract))
            {
                yield return ctor;
            }

            foreach (var method in type.GetMethods(Declared))
            {
                // Options classes are checked when they are used: the service or assessor given them lists every
                // problem, naming the option (configuration binding sets them one by one); their own tests cover that.
                if (method.IsGenericMethodDefinition || method.Name is "Equals" or "<Clone>$" or "Deconstruct" || method.Name.StartsWith("op_", StringComparison.Ordinal)
                    || (method.IsSpecialName && method.Name.StartsWith("set_", StringComparison.Ordinal) && (IsInitOnly(method) || type.Name.EndsWith("Options", StringComparison.Ordinal))))
                {
                    continue;
                }

                yield return method;
            }
        }
    }

    private static bool CanBeNull(ParameterInfo p) => !p.ParameterType.IsValueType && !IsNonNullableReference(p);

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static bool IsNonNullableReference(ParameterInfo p) =>
        !p.ParameterType.IsValueType && !p.ParameterType.IsByRef && Nullability.Create(p).WriteState == NullabilityState.NotNull;

    /// <summary>Calls a member, forcing lazy results (sequences, tasks); gives what it threw, or null.</summary>
    private static Exception? Call(MethodBase member, object? target, object?[] args)
    {
        try
        {
            var result = member is ConstructorInfo ctor ? ctor.Invoke(args) : member.Invoke(target, args);
            switch (result)
            {
                case Task task:
                    task.GetAwaiter().GetResult();
                    break;
                case string:
                    break;
                case IEnumerable sequence:
                    foreach (var item in sequence.Cast<object?>().Take(3))
                    {
                        _ = item;
                    }

                    break;
            }

            return null;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return e.InnerException;
        }
        catch (Exception e)
        {
            // Thrown while a lazy sequence or a task ran.
            return e;
        }
    }

    private static string Describe(MethodBase member) =>
        $"{member.DeclaringType!.Name}.{(member is ConstructorInfo ? "ctor" : member.Name)}({string.Join(", ", member.GetParameters().Select(p => p.ParameterType.Name))})";

    /// <summary>A good value of each type the public surface takes: presets, small literals, or a public constructor called with good values.</summary>
    private sealed class Samples
    {
        public static readonly object Missing = new();
        private readonly Dictionary<Type, object?> _known = new()
        {
            [typeof(string)] = "x",
            [typeof(int)] = 1,
            [typeof(long)] = 1L,
            [typeof(double)] = 0.5,
            [typeof(decimal)] = 1_000m,
            [typeof(bool)] = false,
            [typeof(LocalDate)] = AsOf,
            [typeof(Instant)] = Instant.FromUtc(2026, 6, 1, 9, 0),
            [typeof(Period)] = Period.FromYears(1),
            [typeof(Duration)] = Duration.FromDays(1),
            [typeof(CultureInfo)] = CultureInfo.InvariantCulture,
            [typeof(IHealthScoreModel)] = HealthScoreModels.UsageEngagementSupport,
            [typeof(WeightedHealthScoreModel)] = HealthScoreModels.UsageEngagementSupport,
            [typeof(IChurnRiskAssessor)] = new RuleBasedChurnRiskAssessor(),
            [typeof(CustomerSignals)] = new CustomerSignals(AsOf) { CustomerId = "A-1", HealthScore = 55 },
            [typeof(ChurnAssessment)] = new RuleBasedChurnRiskAssessor().Assess(new CustomerSignals(AsOf) { CustomerId = "A-1", HealthScore = 55 }),
            [typeof(HealthBand)] = HealthBandSchemes.GreenYellowRed.Bands[1],
            [typeof(HealthBandScheme)] = HealthBandSchemes.GreenYellowRed,
            [typeof(IEnumerable<HealthBand>)] = HealthBandSchemes.GreenYellowRed.Bands,
            [typeof(IEnumerable<long>)] = new long[] { 1, 2, 3 },
            [typeof(CustomerSuccess.Portfolio.BandHistogram)] = new CustomerSuccess.Portfolio.BandHistogram(HealthBandSchemes.GreenYellowRed, [1, 2, 3], 0, 300),
            [typeof(CustomerSuccess.Portfolio.PortfolioSummary)] = CustomerSuccess.Portfolio.PortfolioSummary.Empty(HealthBandSchemes.GreenYellowRed),
            [typeof(IChurnLevelPolicy)] = ChurnLevelPolicies.HighestStated,
            [typeof(IChurnProbabilityModel)] = new LogisticRegressionChurnModel(-1, new Dictionary<string, double> { [ChurnFeatures.HealthScore] = -0.02 }),
            [typeof(CustomerSuccess.Onboarding.OnboardingPlan)] = CustomerSuccess.Onboarding.OnboardingTemplates.Seed003Enterprise,
            [typeof(CustomerSuccess.Renewals.RenewalPlaybook)] = CustomerSuccess.Renewals.RenewalPlaybook.Seed004,
            [typeof(CustomerSuccess.Expansion.ExpansionCatalog)] = new CustomerSuccess.Expansion.ExpansionCatalog(
                [new CustomerSuccess.Expansion.ExpansionPlan("Starter", 1, 300m, 30m, ["api"]), new CustomerSuccess.Expansion.ExpansionPlan("Business", 2, 900m, 40m, ["api", "sso"])],
                [new CustomerSuccess.Expansion.ExpansionProduct("analytics", "Analytics", 400m)]),
            [typeof(CustomerSuccess.Expansion.ExpansionAccount)] = new CustomerSuccess.Expansion.ExpansionAccount("A-1", "Starter") { SeatsUsed = 10, SeatsLicensed = 50 },
            [typeof(System.Threading.CancellationToken)] = System.Threading.CancellationToken.None,
            [typeof(CustomerSuccess.Portfolio.AccountHierarchy)] = CustomerSuccess.Portfolio.AccountHierarchy.Build([("x", null), ("C-1", "x")]),
            [typeof(IEnumerable<CustomerSuccess.Portfolio.AccountFigures>)] = new CustomerSuccess.Portfolio.AccountFigures[]
            {
                new("x"), new("C-1") { AnnualRecurringRevenue = 1_000m, Seats = 3 },
            },
        };

        private readonly HashSet<Type> _building = [];

        /// <summary>Good arguments for a parameter list; dates later by 30 days for each date parameter, so a start comes before an end.</summary>
        public object?[] Arguments(ParameterInfo[] parameters)
        {
            var dates = 0;
            return parameters.Select(p => p.ParameterType == typeof(LocalDate) ? AsOf.PlusDays(30 * dates++)
                : For(p.ParameterType, out var v) ? v
                : CanBeNull(p) ? null
                : Missing).ToArray();
        }

        /// <summary>A new instance, not the shared sample.</summary>
        public object? Fresh(Type type) => type.GetConstructor(Type.EmptyTypes)?.Invoke(null);

        public bool For(Type type, out object? value)
        {
            if (Nullable.GetUnderlyingType(type) is not null)
            {
                value = null;
                return true;
            }

            if (_known.TryGetValue(type, out value))
            {
                return value != Missing;
            }

            value = Build(type);
            _known[type] = value ?? Missing;
            return value is not null;
        }

        private object? Build(Type type)
        {
            if (Nullable.GetUnderlyingType(type) is not null)
            {
                return null;
            }

            if (type.IsEnum)
            {
                return Enum.GetValues(type).GetValue(0);
            }

            if (type.IsArray)
            {
                return Array.CreateInstance(type.GetElementType()!, 0);
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() is var open
                && (open == typeof(IEnumerable<>) || open == typeof(IReadOnlyList<>) || open == typeof(IReadOnlyCollection<>) || open == typeof(IList<>)))
            {
                // One good element where there is one: most lists must not be empty.
                var element = type.GetGenericArguments()[0];
                var one = For(element, out var item) && item is not null && !element.IsValueType;
                var list = Array.CreateInstance(element, one ? 1 : 0);
                if (one)
                {
                    list.SetValue(item, 0);
                }

                return list;
            }

            if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || type.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
            {
                return Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()));
            }

            if (type.IsByRefLike || type.IsPointer || type.IsByRef || type.IsGenericParameter || typeof(Delegate).IsAssignableFrom(type) || !_building.Add(type))
            {
                return null;
            }

            try
            {
                // A preset of the type itself (Default, a playbook's), then a public constructor with good values.
                var preset = type.GetProperties(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(p => p.PropertyType == type && p.GetIndexParameters().Length == 0);
                if (preset is not null)
                {
                    return preset.GetValue(null);
                }

                foreach (var ctor in type.GetConstructors().OrderBy(c => c.GetParameters().Length))
                {
                    var args = new object?[ctor.GetParameters().Length];
                    var ok = true;
                    foreach (var p in ctor.GetParameters())
                    {
                        if (!For(p.ParameterType, out args[p.Position]) && !CanBeNull(p))
                        {
                            ok = false;
                            break;
                        }
                    }

                    if (ok && Call(ctor, null, args) is null)
                    {
                        return ctor.Invoke(args);
                    }
                }

                return type.IsValueType ? Activator.CreateInstance(type) : null;
            }
            finally
            {
                _building.Remove(type);
            }
        }
    }
}
