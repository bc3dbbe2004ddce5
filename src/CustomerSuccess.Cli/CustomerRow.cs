using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Expansion;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>One input row parsed into the library's inputs, or the first problem found in it.</summary>
internal sealed class CustomerRow
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    private CustomerRow(string id, double[] components, CustomerSignals signals, ExpansionAccount? expansion, bool? onboardingCompleted)
    {
        Id = id;
        Components = components;
        Signals = signals;
        Expansion = expansion;
        OnboardingCompleted = onboardingCompleted;
    }

    public string Id { get; }

    /// <summary>The component scores in model order, NaN where missing.</summary>
    public double[] Components { get; }

    /// <summary>The churn signals (without the health score, which the scorer adds).</summary>
    public CustomerSignals Signals { get; }

    /// <summary>The expansion inputs, when the row names a plan.</summary>
    public ExpansionAccount? Expansion { get; }

    public bool? OnboardingCompleted { get; }

    /// <summary>Parses the current row of a source; returns null and the error when a value is bad.</summary>
    public static CustomerRow? Parse(RowSource source, Layout layout, LocalDate asOf, ExpansionCatalog catalog, out RowError? error)
    {
        error = null;
        if (source.RowProblem is { } problem)
        {
            error = new RowError(source.Line, "(row)", source.RawRow, problem);
            return null;
        }

        var values = new Parsed(source);
        var id = source.Value(layout.Id);
        if (id is null)
        {
            error = new RowError(source.Line, source.ColumnName(layout.Id), string.Empty, "the id is required");
            return null;
        }

        var components = new double[layout.ComponentCount];
        for (var c = 0; c < components.Length; c++)
        {
            components[c] = values.Number(c) ?? double.NaN;
        }

        var signals = new CustomerSignals(asOf)
        {
            CustomerId = id,
            UsageChangePercent = values.Number(layout.UsageChange),
            FeatureAdoptionRate = values.Number(layout.FeatureAdoption),
            UnresolvedHighPriorityTickets = values.Integer(layout.UnresolvedTickets),
            HighPriorityTicketsLast30Days = values.Integer(layout.Tickets30d),
            OpenEscalations = values.Integer(layout.OpenEscalations),
            LastContactDate = values.Date(layout.LastContact),
            LastLoginDate = values.Date(layout.LastLogin),
            LastActivityDate = values.Date(layout.LastActivity),
            LatePayments = values.Integer(layout.LatePayments),
            ChampionLeaving = values.Boolean(layout.ChampionLeaving),
            LatestNpsResponse = values.Integer(layout.Nps),
            RenewalDate = values.Date(layout.RenewalDate),
            AnnualRecurringRevenue = values.Money(layout.Arr),
        };

        ExpansionAccount? expansion = null;
        var planField = layout.Plan;
        if (source.Value(planField) is { } plan)
        {
            if (!catalog.Plans.Any(p => string.Equals(p.Name, plan, StringComparison.OrdinalIgnoreCase)))
            {
                values.Fail(planField, plan, $"unknown plan; the plans are {string.Join(", ", catalog.Plans.Select(p => p.Name))}");
            }
            else
            {
                var licensed = values.Integer(layout.SeatsLicensed) ?? 1;
                var used = values.Integer(layout.SeatsUsed) ?? 0;
                expansion = new ExpansionAccount(id, plan)
                {
                    SeatsLicensed = licensed,
                    SeatsUsed = used,
                    NewTeamMembers = values.Integer(layout.NewTeamMembers) ?? 0,
                    LatestNpsResponse = signals.LatestNpsResponse,
                };
            }
        }

        var onboarding = values.Boolean(layout.OnboardingCompleted);
        if (values.Error is { } e)
        {
            error = e;
            return null;
        }

        return new CustomerRow(id, components, signals, expansion, onboarding);
    }

    /// <summary>Where each common field sits among a source's fields (-1 when a model component of the same name hides it), looked up once per run.</summary>
    internal sealed class Layout
    {
        public Layout(IReadOnlyList<InputField> fields, int componentCount)
        {
            ComponentCount = componentCount;
            var index = fields.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
            Id = Of(index, InputField.Id);
            UsageChange = Of(index, InputField.UsageChange);
            FeatureAdoption = Of(index, InputField.FeatureAdoption);
            UnresolvedTickets = Of(index, InputField.UnresolvedTickets);
            Tickets30d = Of(index, InputField.Tickets30d);
            OpenEscalations = Of(index, InputField.OpenEscalations);
            LastContact = Of(index, InputField.LastContact);
            LastLogin = Of(index, InputField.LastLogin);
            LastActivity = Of(index, InputField.LastActivity);
            LatePayments = Of(index, InputField.LatePayments);
            ChampionLeaving = Of(index, InputField.ChampionLeaving);
            Nps = Of(index, InputField.Nps);
            RenewalDate = Of(index, InputField.RenewalDate);
            Arr = Of(index, InputField.Arr);
            Plan = Of(index, InputField.Plan);
            SeatsLicensed = Of(index, InputField.SeatsLicensed);
            SeatsUsed = Of(index, InputField.SeatsUsed);
            NewTeamMembers = Of(index, InputField.NewTeamMembers);
            OnboardingCompleted = Of(index, InputField.OnboardingCompleted);
        }

        public int ComponentCount { get; }

        public int Id { get; }

        public int UsageChange { get; }

        public int FeatureAdoption { get; }

        public int UnresolvedTickets { get; }

        public int Tickets30d { get; }

        public int OpenEscalations { get; }

        public int LastContact { get; }

        public int LastLogin { get; }

        public int LastActivity { get; }

        public int LatePayments { get; }

        public int ChampionLeaving { get; }

        public int Nps { get; }

        public int RenewalDate { get; }

        public int Arr { get; }

        public int Plan { get; }

        public int SeatsLicensed { get; }

        public int SeatsUsed { get; }

        public int NewTeamMembers { get; }

        public int OnboardingCompleted { get; }

        private int Of(Dictionary<string, int> index, string name) => index.TryGetValue(name, out var i) && i >= ComponentCount ? i : -1;
    }

    /// <summary>Parses fields of one row, keeping the first error.</summary>
    private sealed class Parsed(RowSource source)
    {
        public RowError? Error { get; private set; }

        public void Fail(int field, string value, string reason) =>
            Error ??= new RowError(source.Line, source.ColumnName(field), value, reason);

        public double? Number(int field)
        {
            if (field < 0 || source.Value(field) is not { } text)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                Fail(field, text, "not a number");
                return null;
            }

            return InRange(field, text, value) ? value : null;
        }

        public int? Integer(int field)
        {
            if (field < 0 || source.Value(field) is not { } text)
            {
                return null;
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                Fail(field, text, "not a whole number");
                return null;
            }

            return InRange(field, text, value) ? value : null;
        }

        public decimal? Money(int field)
        {
            if (field < 0 || source.Value(field) is not { } text)
            {
                return null;
            }

            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                Fail(field, text, "not an amount");
                return null;
            }

            return InRange(field, text, (double)value) ? value : null;
        }

        public LocalDate? Date(int field)
        {
            if (field < 0 || source.Value(field) is not { } text)
            {
                return null;
            }

            var result = IsoDate.Parse(text.Trim());
            if (!result.Success)
            {
                Fail(field, text, "not a date (yyyy-MM-dd)");
                return null;
            }

            return result.Value;
        }

        public bool? Boolean(int field)
        {
            if (field < 0 || source.Value(field) is not { } text)
            {
                return null;
            }

            switch (text.Trim().ToUpperInvariant())
            {
                case "TRUE" or "YES" or "Y" or "1":
                    return true;
                case "FALSE" or "NO" or "N" or "0":
                    return false;
                default:
                    Fail(field, text, "not true or false (true/false, yes/no, 1/0)");
                    return null;
            }
        }

        private bool InRange(int field, string text, double value)
        {
            var f = source.Fields[field];
            if (value < f.Min || value > f.Max)
            {
                Fail(field, text, f.Max >= int.MaxValue
                    ? string.Create(CultureInfo.InvariantCulture, $"must be {f.Min} or more")
                    : string.Create(CultureInfo.InvariantCulture, $"must be in [{f.Min}, {f.Max}]"));
                return false;
            }

            return true;
        }
    }
}
