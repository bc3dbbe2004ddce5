using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CustomerSuccess.Churn;
using CustomerSuccess.Expansion;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>One input row parsed into the library's inputs, or the first problem found in it.</summary>
internal sealed class CustomerRow
{
    private CustomerRow(string id, CustomerSignals signals, ExpansionAccount? expansion, bool? onboardingCompleted)
    {
        Id = id;
        Signals = signals;
        Expansion = expansion;
        OnboardingCompleted = onboardingCompleted;
    }

    public string Id { get; }

    /// <summary>The churn signals (without the health score, which the scorer adds).</summary>
    public CustomerSignals Signals { get; }

    /// <summary>The expansion inputs, when the row names a plan.</summary>
    public ExpansionAccount? Expansion { get; }

    public bool? OnboardingCompleted { get; }

    /// <summary>
    /// Parses a source's current record; writes the component scores in model order (NaN where missing) into
    /// <paramref name="components"/>. Returns null and the error when a value is bad.
    /// </summary>
    public static CustomerRow? Parse(FieldSource source, Layout layout, LocalDate asOf, ExpansionCatalog catalog, Span<double> components, out RowError? error)
    {
        error = null;
        if (source.RowProblem is { } problem)
        {
            error = new RowError(source.Line, "(row)", source.RawRow, problem);
            return null;
        }

        if (!source.TryGet(layout.Id, out var idText))
        {
            error = new RowError(source.Line, source.ColumnName(layout.Id), string.Empty, "the id is required");
            return null;
        }

        var values = new Parser(source);
        var id = Utf8Text.ToText(idText);
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
        if (layout.Plan >= 0 && source.TryGet(layout.Plan, out var planText))
        {
            if (PlanNamed(catalog, planText) is not { } plan)
            {
                values.Fail(layout.Plan, $"unknown plan; the plans are {string.Join(", ", catalog.Plans.Select(p => p.Name))}");
            }
            else
            {
                expansion = new ExpansionAccount(id, plan)
                {
                    SeatsLicensed = values.Integer(layout.SeatsLicensed) ?? 1,
                    SeatsUsed = values.Integer(layout.SeatsUsed) ?? 0,
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

        return new CustomerRow(id, signals, expansion, onboarding);
    }

    /// <summary>The catalog's name for a plan, matched ignoring case, or null.</summary>
    private static string? PlanNamed(ExpansionCatalog catalog, ReadOnlySpan<byte> text)
    {
        foreach (var plan in catalog.Plans)
        {
            if (Ascii.EqualsIgnoreCase(text, plan.Name))
            {
                return plan.Name;
            }
        }

        return null;
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

    /// <summary>Parses fields of one record from their UTF-8 text, keeping the first error.</summary>
    private ref struct Parser(FieldSource source)
    {
        public RowError? Error { get; private set; }

        public void Fail(int field, string reason) =>
            Error ??= new RowError(source.Line, source.ColumnName(field), source.Text(field), reason);

        public double? Number(int field)
        {
            if (field < 0 || !source.TryGet(field, out var text))
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                Fail(field, "not a number");
                return null;
            }

            return InRange(field, value) ? value : null;
        }

        public int? Integer(int field)
        {
            if (field < 0 || !source.TryGet(field, out var text))
            {
                return null;
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                Fail(field, "not a whole number");
                return null;
            }

            return InRange(field, value) ? value : null;
        }

        public decimal? Money(int field)
        {
            if (field < 0 || !source.TryGet(field, out var text))
            {
                return null;
            }

            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                Fail(field, "not an amount");
                return null;
            }

            return InRange(field, (double)value) ? value : null;
        }

        public LocalDate? Date(int field)
        {
            if (field < 0 || !source.TryGet(field, out var text))
            {
                return null;
            }

            if (IsoDate(text) is { } date)
            {
                return date;
            }

            Fail(field, "not a date (yyyy-MM-dd)");
            return null;
        }

        public bool? Boolean(int field)
        {
            if (field < 0 || !source.TryGet(field, out var text))
            {
                return null;
            }

            if (Ascii.EqualsIgnoreCase(text, "true"u8) || Ascii.EqualsIgnoreCase(text, "yes"u8) || Ascii.EqualsIgnoreCase(text, "y"u8) || text.SequenceEqual("1"u8))
            {
                return true;
            }

            if (Ascii.EqualsIgnoreCase(text, "false"u8) || Ascii.EqualsIgnoreCase(text, "no"u8) || Ascii.EqualsIgnoreCase(text, "n"u8) || text.SequenceEqual("0"u8))
            {
                return false;
            }

            Fail(field, "not true or false (true/false, yes/no, 1/0)");
            return null;
        }

        /// <summary>An ISO date, yyyy-MM-dd with a year from 0001 to 9999, or null when the text is not one or names no day.</summary>
        private static LocalDate? IsoDate(ReadOnlySpan<byte> text)
        {
            if (text.Length != 10 || text[4] != '-' || text[7] != '-'
                || !Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
                || year < 1 || month < 1 || month > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                return null;
            }

            return new LocalDate(year, month, day);
        }

        private static bool Digits(ReadOnlySpan<byte> text, out int value)
        {
            value = 0;
            foreach (var b in text)
            {
                if (b is < (byte)'0' or > (byte)'9')
                {
                    return false;
                }

                value = (value * 10) + (b - '0');
            }

            return true;
        }

        private bool InRange(int field, double value)
        {
            var f = source.Fields[field];
            if (value < f.Min || value > f.Max)
            {
                Fail(field, f.Max >= int.MaxValue
                    ? string.Create(CultureInfo.InvariantCulture, $"must be {f.Min} or more")
                    : string.Create(CultureInfo.InvariantCulture, $"must be in [{f.Min}, {f.Max}]"));
                return false;
            }

            return true;
        }
    }
}
