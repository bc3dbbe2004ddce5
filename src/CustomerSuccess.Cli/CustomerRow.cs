using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CustomerSuccess.Churn;
using CustomerSuccess.Expansion;
using CustomerSuccess.Health;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>One input row parsed into the library's inputs and scored for health, or the first problem found in it.</summary>
internal sealed class CustomerRow
{
    private CustomerRow(string id, HealthScore health, CustomerSignals signals, ExpansionAccount? expansion, bool? onboardingCompleted)
    {
        Id = id;
        Health = health;
        Signals = signals;
        Expansion = expansion;
        OnboardingCompleted = onboardingCompleted;
    }

    public string Id { get; }

    /// <summary>The health score of the row's components.</summary>
    public HealthScore Health { get; }

    /// <summary>The churn signals, the health score included.</summary>
    public CustomerSignals Signals { get; }

    /// <summary>The expansion inputs, the health band included, when the row names a plan.</summary>
    public ExpansionAccount? Expansion { get; }

    public bool? OnboardingCompleted { get; }

    /// <summary>
    /// Parses a source's current record and scores its health with <paramref name="model"/>, using
    /// <paramref name="components"/> (one per model component) as scratch. Returns null and the error when a value is bad.
    /// </summary>
    public static CustomerRow? Parse(FieldSource source, Layout layout, LocalDate asOf, IHealthScoreModel model, ExpansionCatalog catalog, Span<double> components, out RowError? error)
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

        var values = new Parser(source, layout);
        for (var c = 0; c < components.Length; c++)
        {
            components[c] = values.Number(c) ?? double.NaN;
            if (layout.RejectsMissing && double.IsNaN(components[c]))
            {
                values.Fail(c, $"required: the model '{model.Name}' rejects missing data");
            }
        }

        var usageChange = values.Number(layout.UsageChange);
        var featureAdoption = values.Number(layout.FeatureAdoption);
        var unresolvedTickets = values.Integer(layout.UnresolvedTickets);
        var tickets30d = values.Integer(layout.Tickets30d);
        var openEscalations = values.Integer(layout.OpenEscalations);
        var lastContact = values.PastDate(layout.LastContact, asOf);
        var lastLogin = values.PastDate(layout.LastLogin, asOf);
        var lastActivity = values.PastDate(layout.LastActivity, asOf);
        var latePayments = values.Integer(layout.LatePayments);
        var championLeaving = values.Boolean(layout.ChampionLeaving);
        var nps = values.Integer(layout.Nps);
        var renewalDate = values.Date(layout.RenewalDate);
        var arr = values.Money(layout.Arr);
        string? plan = null;
        if (layout.Plan >= 0 && source.TryGet(layout.Plan, out var planText) && (plan = PlanNamed(catalog, planText)) is null)
        {
            values.Fail(layout.Plan, $"unknown plan; the plans are {string.Join(", ", catalog.Plans.Select(p => p.Name))}");
        }

        var seatsLicensed = values.Integer(layout.SeatsLicensed);
        var seatsUsed = values.Integer(layout.SeatsUsed);
        var newTeamMembers = values.Integer(layout.NewTeamMembers);
        var onboarding = values.Boolean(layout.OnboardingCompleted);
        if (values.Error is { } e)
        {
            error = e;
            return null;
        }

        // Scored once every value is known to be good, so the signals and the account carry the score from the start.
        var id = Utf8Text.ToText(idText);
        if (string.IsNullOrWhiteSpace(id))
        {
            error = new RowError(source.Line, source.ColumnName(layout.Id), id, "the id is required: it is blank");
            return null;
        }

        var health = model.Score(components);
        var signals = new CustomerSignals(asOf)
        {
            CustomerId = id,
            UsageChangePercent = usageChange,
            FeatureAdoptionRate = featureAdoption,
            UnresolvedHighPriorityTickets = unresolvedTickets,
            HighPriorityTicketsLast30Days = tickets30d,
            OpenEscalations = openEscalations,
            LastContactDate = lastContact,
            LastLoginDate = lastLogin,
            LastActivityDate = lastActivity,
            LatePayments = latePayments,
            ChampionLeaving = championLeaving,
            LatestNpsResponse = nps,
            RenewalDate = renewalDate,
            AnnualRecurringRevenue = arr,
            HealthScore = health.ValueOrNull,
        };
        var expansion = plan is null ? null : new ExpansionAccount(id, plan)
        {
            SeatsLicensed = seatsLicensed ?? 1,
            SeatsUsed = seatsUsed ?? 0,
            NewTeamMembers = newTeamMembers ?? 0,
            LatestNpsResponse = nps,
            HealthBand = health.HasScore ? health.Band : null,
        };
        return new CustomerRow(id, health, signals, expansion, onboarding);
    }

    /// <summary>
    /// The catalog's name for a plan, matched ignoring case as <see cref="ExpansionCatalog.Plan"/> matches, or null. By
    /// index: enumerating the list through its interface would allocate an enumerator for every row.
    /// </summary>
    private static string? PlanNamed(ExpansionCatalog catalog, ReadOnlySpan<byte> text)
    {
        var plans = catalog.Plans;
        for (var i = 0; i < plans.Count; i++)
        {
            if (Ascii.EqualsIgnoreCase(text, plans[i].Name))
            {
                return plans[i].Name;
            }
        }

        return null;
    }

    /// <summary>Where each common field sits among a source's fields (-1 when a model component of the same name hides it), looked up once per run.</summary>
    internal sealed class Layout
    {
        public Layout(IReadOnlyList<InputField> fields, IHealthScoreModel model)
        {
            ComponentCount = model.Components.Count;
            RejectsMissing = model.MissingData.Handling == MissingDataHandling.Reject;
            Min = [.. fields.Select(f => f.Min)];
            Max = [.. fields.Select(f => f.Max)];
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

        /// <summary>Whether the model rejects a missing component: such a row is a bad row, not an internal error.</summary>
        public bool RejectsMissing { get; }

        /// <summary>Each field's smallest allowed value.</summary>
        public double[] Min { get; }

        /// <summary>Each field's largest allowed value.</summary>
        public double[] Max { get; }

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
    private ref struct Parser(FieldSource source, Layout layout)
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

            if (!Utf8Number.TryParseDouble(text, out var value) || !double.IsFinite(value))
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

            if (!Utf8Number.TryParseInt32(text, out var value))
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

            if (!WellGrouped(text) || !Utf8Number.TryParseDecimal(text, out var value))
            {
                Fail(field, "not an amount (digits with an optional '.' and fraction; thousands separated by ',' in groups of three)");
                return null;
            }

            return InRange(field, (double)value) ? value : null;
        }

        /// <summary>
        /// Whether the commas of an amount separate thousands: groups of three digits after a first group of one to three,
        /// before any decimal point ("1,234.5"); "12,5", "1,2,3" and "1,,,0" are not amounts.
        /// </summary>
        private static bool WellGrouped(ReadOnlySpan<byte> text)
        {
            var comma = text.IndexOf((byte)',');
            if (comma < 0)
            {
                return true;
            }

            var point = text.IndexOf((byte)'.');
            var whole = point < 0 ? text : text[..point];
            if (point >= 0 && text[point..].IndexOf((byte)',') >= 0)
            {
                return false;
            }

            var start = whole.Length > 0 && whole[0] is (byte)'-' or (byte)'+' ? 1 : 0;
            var groups = whole[start..];
            var first = groups.IndexOf((byte)',');
            if (first is < 1 or > 3)
            {
                return false;
            }

            for (var i = first; i < groups.Length; i += 4)
            {
                if (groups[i] != (byte)',' || i + 4 > groups.Length || groups.Slice(i + 1, 3).IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
                {
                    return false;
                }
            }

            return groups[..first].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
        }

        public LocalDate? Date(int field)
        {
            if (field < 0 || !source.TryGet(field, out var text))
            {
                return null;
            }

            if (IsoDate.Parse(text) is { } date)
            {
                return date;
            }

            Fail(field, "not a date (yyyy-MM-dd)");
            return null;
        }

        /// <summary>A date that must not be after the as-of date: a later one is a bad cell of its row, not a crash.</summary>
        public LocalDate? PastDate(int field, LocalDate asOf)
        {
            var date = Date(field);
            if (date > asOf)
            {
                Fail(field, string.Create(CultureInfo.InvariantCulture, $"after the as-of date {asOf:uuuu-MM-dd}: a past event cannot be dated later (check --as-of)"));
                return null;
            }

            return date;
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

        private bool InRange(int field, double value)
        {
            var min = layout.Min[field];
            var max = layout.Max[field];
            if (!(value < min || value > max))
            {
                return true;
            }

            OutOfRange(field, min, max);
            return false;
        }

        private void OutOfRange(int field, double min, double max) =>
            Fail(field, max is int.MaxValue or double.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"must be {min} or more")
                : string.Create(CultureInfo.InvariantCulture, $"must be in [{min:#,0.##}, {max:#,0.##}]"));    }
}
