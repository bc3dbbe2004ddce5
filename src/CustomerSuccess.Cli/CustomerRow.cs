using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Churn;
using CustomerSuccess.Expansion;
using CustomerSuccess.Health;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>One input row parsed into the library's inputs and scored for health, or every bad cell found in it.</summary>
internal sealed class CustomerRow
{
    private CustomerRow(string id, string? name, string? currency, HealthScore health, CustomerSignals signals, ExpansionAccount? expansion, bool? onboardingCompleted)
    {
        Id = id;
        Name = name;
        Currency = currency;
        Health = health;
        Signals = signals;
        Expansion = expansion;
        OnboardingCompleted = onboardingCompleted;
    }

    public string Id { get; }

    /// <summary>The customer's name, when the input has one.</summary>
    public string? Name { get; }

    /// <summary>The row's currency (an ISO 4217 code), when the input names one in a column.</summary>
    public string? Currency { get; }

    /// <summary>The health score of the row's components.</summary>
    public HealthScore Health { get; }

    /// <summary>The churn signals, the health score included.</summary>
    public CustomerSignals Signals { get; }

    /// <summary>The expansion inputs, the health band included, when the row names a plan.</summary>
    public ExpansionAccount? Expansion { get; }

    public bool? OnboardingCompleted { get; }

    /// <summary>
    /// Parses a source's current record and scores its health with <paramref name="model"/>, using
    /// <paramref name="components"/> (one per model component) as scratch. Returns null when a value is bad, with every
    /// bad cell of the row in <paramref name="errors"/> (which it clears first).
    /// </summary>
    public static CustomerRow? Parse(FieldSource source, Layout layout, LocalDate asOf, IHealthScoreModel model, CellReader cells, Span<double> components, List<RowError> errors)
    {
        errors.Clear();
        if (source.RowProblem is { } problem)
        {
            errors.Add(new RowError(source.Line, "(row)", source.RawRow, problem));
            return null;
        }

        var values = new FieldParser(source, layout.Min, layout.Max, cells, errors);
        var hasId = source.TryGet(layout.Id, out var idText);
        if (!hasId)
        {
            values.Fail(layout.Id, "the id is required");
        }

        for (var c = 0; c < components.Length; c++)
        {
            components[c] = values.Number(c) ?? double.NaN;
            if (layout.RejectsMissing && double.IsNaN(components[c]) && !source.TryGet(c, out _))
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
        var catalog = RowScorer.Catalog;
        if (layout.Plan >= 0 && source.TryGet(layout.Plan, out var planText) && (plan = PlanNamed(catalog, planText)) is null)
        {
            values.Fail(layout.Plan, $"unknown plan; the plans are {string.Join(", ", catalog.Plans.Select(p => p.Name))}");
        }

        var currency = values.Currency(layout.Currency);

        var seatsLicensed = values.Integer(layout.SeatsLicensed);
        var seatsUsed = values.Integer(layout.SeatsUsed);
        var newTeamMembers = values.Integer(layout.NewTeamMembers);
        var onboarding = values.Boolean(layout.OnboardingCompleted);
        if (errors.Count > 0)
        {
            return null;
        }

        // Scored once every value is known to be good, so the signals and the account carry the score from the start.
        var id = idText.ToString();
        var name = layout.Name >= 0 && source.TryGet(layout.Name, out var nameText) ? nameText.ToString() : null;

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
        return new CustomerRow(id, name, currency, health, signals, expansion, onboarding);
    }

    /// <summary>
    /// The catalog's name for a plan, matched ignoring case as <see cref="ExpansionCatalog.Plan"/> matches, or null. By
    /// index: enumerating the list through its interface would allocate an enumerator for every row.
    /// </summary>
    private static string? PlanNamed(ExpansionCatalog catalog, ReadOnlySpan<char> text)
    {
        var plans = catalog.Plans;
        for (var i = 0; i < plans.Count; i++)
        {
            if (text.Equals(plans[i].Name, StringComparison.OrdinalIgnoreCase))
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
            Name = Of(index, InputField.Name_);
            Currency = Of(index, InputField.Currency);
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

        public int Name { get; }

        public int Currency { get; }

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
}
