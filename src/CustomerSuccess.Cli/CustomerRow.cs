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
    private CustomerRow(string id, string? name, string? currency, HealthScore health, CustomerSignals signals, ExpansionAccount? expansion, bool? onboardingCompleted, Hierarchy place)
    {
        ParentId = place.ParentId;
        Profile = place.Profile;
        Stage = place.Stage;
        Seats = place.Seats;
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

    /// <summary>The id of the account's parent, when the input names one.</summary>
    public string? ParentId { get; }

    /// <summary>The name of the profile that scored the row, with <c>--profiles</c>.</summary>
    public string? Profile { get; }

    /// <summary>The lifecycle stage the profile was chosen by (given, or told by the dates), with <c>--profiles</c>.</summary>
    public LifecycleStage? Stage { get; }

    /// <summary>The seats licensed, when the input gives them.</summary>
    public int? Seats { get; }

    /// <summary>The names of the lifecycle stages, as a <c>stage</c> cell gives them (ignoring case).</summary>
    private static readonly (string Name, LifecycleStage Stage)[] StageNames = [.. Enum.GetValues<LifecycleStage>().Select(s => (s.ToString(), s))];

    /// <summary>Where a row sits: its parent, and the profile and stage that scored it.</summary>
    private readonly record struct Hierarchy(string? ParentId, string? Profile, LifecycleStage? Stage, int? Seats);

    /// <summary>
    /// Parses a source's current record as of <paramref name="asOf"/> (a history's row: as of its own date) and scores
    /// its health with the model of <paramref name="models"/> that scores it (its profile's, with a profile set), using <paramref name="components"/> (one per component column) and
    /// <paramref name="scratch"/> (<see cref="RunModels.MaxComponents"/> long) as scratch. Returns null when a value is
    /// bad, with every bad cell of the row in <paramref name="errors"/> (which it clears first).
    /// </summary>
    public static CustomerRow? Parse(FieldSource source, Layout layout, LocalDate asOf, RunModels models, CellReader cells, Span<double> components, Span<double> scratch, List<RowError> errors)
    {
        errors.Clear();
        if (source.RowProblem is { } problem)
        {
            errors.Add(new RowError(source.Line, "(row)", source.RawRow, problem));
            return null;
        }

        var values = new FieldParser(source, layout.Min, layout.Max, cells, errors);
        if (layout.AsOf >= 0)
        {
            // A history's row is as of its own date: its other dates are checked against that day.
            var own = values.Date(layout.AsOf);
            if (own is null && !source.TryGet(layout.AsOf, out _))
            {
                values.Fail(layout.AsOf, "the snapshot's date is required in a history");
            }

            asOf = own ?? asOf;
        }

        var hasId = source.TryGet(layout.Id, out var idText);
        if (!hasId)
        {
            values.Fail(layout.Id, "the id is required");
        }

        var rejectsMissing = models.Profiles is null && models.RejectsMissing(0);
        for (var c = 0; c < components.Length; c++)
        {
            components[c] = values.Number(c) ?? double.NaN;
            if (rejectsMissing && double.IsNaN(components[c]) && !source.TryGet(c, out _))
            {
                values.Fail(c, $"required: the model '{models.Name}' rejects missing data");
            }
        }

        var usageChange = values.Number(layout.UsageChange);
        var featureAdoption = values.Number(layout.FeatureAdoption);
        var unresolvedTickets = values.Integer(layout.UnresolvedTickets);
        var tickets30d = values.Integer(layout.Tickets30d);
        var openEscalations = values.Integer(layout.OpenEscalations);
        var lastContact = values.PastDate(layout.LastContact, asOf, layout.AsOf >= 0);
        var lastLogin = values.PastDate(layout.LastLogin, asOf, layout.AsOf >= 0);
        var lastActivity = values.PastDate(layout.LastActivity, asOf, layout.AsOf >= 0);
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
        var parentId = values.Text(layout.ParentId);
        if (parentId is not null && arr is null && layout.Arr >= 0 && !source.TryGet(layout.Arr, out _))
        {
            values.Fail(layout.Arr, "required of an account with a parent_id: its parent's figures are weighted by ARR");
        }

        var profile = 0;
        LifecycleStage? stage = null;
        if (models.Profiles is { } profiles)
        {
            profile = ProfileOf(source, layout, asOf, models, profiles, renewalDate, ref values, components, out stage);
        }

        if (errors.Count > 0)
        {
            return null;
        }

        // Scored once every value is known to be good, so the signals and the account carry the score from the start.
        var id = idText.ToString();
        var name = layout.Name >= 0 && source.TryGet(layout.Name, out var nameText) ? nameText.ToString() : null;

        var health = models.Score(profile, components, scratch);
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
        return new CustomerRow(id, name, currency, health, signals, expansion, onboarding, new Hierarchy(parentId, models.ProfileName(profile), stage, seatsLicensed));
    }

    /// <summary>
    /// The profile that scores a row (its index in <paramref name="models"/>), by its segment and its stage: the
    /// <c>stage</c> cell, or, without one, the stage its kickoff, go-live and renewal dates tell. A stage that is not a
    /// lifecycle stage's name, a segment and stage no profile matches, and a missing component the profile's model
    /// rejects are bad cells of the row.
    /// </summary>
    private static int ProfileOf(FieldSource source, Layout layout, LocalDate asOf, RunModels models, HealthProfileSet profiles, LocalDate? renewalDate, ref FieldParser values, ReadOnlySpan<double> components, out LifecycleStage? stage)
    {
        stage = null;
        var kickoff = values.Date(layout.Kickoff);
        var goLive = values.Date(layout.GoLive);
        if (layout.Stage >= 0 && source.TryGet(layout.Stage, out var stageText))
        {
            foreach (var (name, value) in StageNames)
            {
                if (stageText.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    stage = value;
                    break;
                }
            }

            if (stage is null)
            {
                values.Fail(layout.Stage, $"not a lifecycle stage; the stages are {string.Join(", ", StageNames.Select(s => s.Name))}, or leave it empty to tell it by kickoff, go_live and renewal_date");
                return -1;
            }
        }
        else
        {
            stage = HealthProfileSet.StageOn(asOf, kickoff, goLive, renewalDate);
        }

        var segment = layout.Segment >= 0 && source.TryGet(layout.Segment, out var segmentText) ? segmentText : default;
        var profile = profiles.IndexOf(segment, stage);
        if (profile < 0)
        {
            var column = layout.Segment >= 0 && !segment.IsEmpty ? layout.Segment : layout.Stage >= 0 ? layout.Stage : layout.Segment;
            values.Fail(column, $"segment {(segment.IsEmpty ? "(none)" : $"'{segment}'")} and stage {stage?.ToString() ?? "(none)"} match no profile, and the profiles have no default; the profiles: {string.Join("; ", profiles.Profiles)}");
            return -1;
        }

        if (models.RejectsMissing(profile))
        {
            var map = models.Map(profile);
            for (var c = 0; c < map.Length; c++)
            {
                if (double.IsNaN(components[map[c]]) && !source.TryGet(map[c], out _))
                {
                    values.Fail(map[c], $"required: the profile '{models.ProfileName(profile)}' rejects missing data");
                }
            }
        }

        return profile;
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
        public Layout(IReadOnlyList<InputField> fields, RunModels models)
        {
            ComponentCount = models.ComponentKeys.Count;
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
            ParentId = Of(index, InputField.ParentId);
            Segment = Of(index, InputField.Segment);
            Stage = Of(index, InputField.Stage);
            Kickoff = Of(index, InputField.Kickoff);
            GoLive = Of(index, InputField.GoLive);
            AsOf = Of(index, InputField.AsOf);
        }

        public int ComponentCount { get; }

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

        public int ParentId { get; }

        public int Segment { get; }

        public int Stage { get; }

        public int Kickoff { get; }

        public int GoLive { get; }

        /// <summary>The snapshot's date of a history's row; -1 outside a history.</summary>
        public int AsOf { get; }

        private int Of(Dictionary<string, int> index, string name) => index.TryGetValue(name, out var i) && i >= ComponentCount ? i : -1;
    }
}
