using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Cli;

/// <summary>One field the tool understands, with its parsing rule and valid range.</summary>
internal sealed record InputField(string Name, FieldKind Kind, double Min, double Max, string Description)
{
    public const string Id = "id";
    public const string Name_ = "name";
    public const string UsageChange = "usage_change";
    public const string FeatureAdoption = "feature_adoption";
    public const string UnresolvedTickets = "unresolved_tickets";
    public const string Tickets30d = "tickets_30d";
    public const string OpenEscalations = "open_escalations";
    public const string LastContact = "last_contact";
    public const string LastLogin = "last_login";
    public const string LastActivity = "last_activity";
    public const string LatePayments = "late_payments";
    public const string ChampionLeaving = "champion_leaving";
    public const string Nps = "nps";
    public const string RenewalDate = "renewal_date";
    public const string Arr = "arr";
    public const string Currency = "currency";
    public const string Plan = "plan";
    public const string SeatsLicensed = "seats_licensed";
    public const string SeatsUsed = "seats_used";
    public const string NewTeamMembers = "new_team_members";
    public const string OnboardingCompleted = "onboarding_completed";
    public const string ParentId = "parent_id";
    public const string Segment = "segment";
    public const string Stage = "stage";
    public const string Kickoff = "kickoff";
    public const string GoLive = "go_live";
    public const string AsOf = "as_of";

    /// <summary>The field of a history's rows that dates each snapshot, read only by a back-test.</summary>
    public static InputField SnapshotDate { get; } = new(AsOf, FieldKind.Date, 0, 0, "the snapshot's date: the row's figures are as of that day (required, in a history)");

    /// <summary>The fields besides the model's components, in the order the docs list them.</summary>
    public static IReadOnlyList<InputField> Common { get; } =
    [
        new(Id, FieldKind.Text, 0, 0, "the customer's id (required)"),
        new(Name_, FieldKind.Text, 0, 0, "the customer's name"),
        new(UsageChange, FieldKind.Number, -100, double.MaxValue, "usage change over the last 30 days, in percent (-35 is a 35 % drop)"),
        new(FeatureAdoption, FieldKind.Number, 0, 1, "share of key features adopted, 0 to 1"),
        new(UnresolvedTickets, FieldKind.Integer, 0, int.MaxValue, "unresolved high-priority support tickets"),
        new(Tickets30d, FieldKind.Integer, 0, int.MaxValue, "high-priority tickets opened in the last 30 days"),
        new(OpenEscalations, FieldKind.Integer, 0, int.MaxValue, "open support escalations"),
        new(LastContact, FieldKind.Date, 0, 0, "date of the last contact with the customer"),
        new(LastLogin, FieldKind.Date, 0, 0, "date of the last login"),
        new(LastActivity, FieldKind.Date, 0, 0, "date of the last product activity"),
        new(LatePayments, FieldKind.Integer, 0, int.MaxValue, "late payments in the current term"),
        new(ChampionLeaving, FieldKind.Boolean, 0, 0, "whether the customer's champion is leaving (true/false, yes/no, 1/0)"),
        new(Nps, FieldKind.Integer, 0, 10, "the latest NPS response, 0 to 10"),
        new(RenewalDate, FieldKind.Date, 0, 0, "the next renewal date"),
        new(Arr, FieldKind.Money, 0, 1e15, "annual recurring revenue, at most a quadrillion (so that any portfolio's sums fit)"),
        new(Currency, FieldKind.Text, 0, 0, "the currency of arr (an ISO 4217 code such as USD); all rows share one"),
        new(Plan, FieldKind.Text, 0, 0, "the plan name, for expansion (Starter, Business, Enterprise)"),
        new(SeatsLicensed, FieldKind.Integer, 1, int.MaxValue, "seats licensed"),
        new(SeatsUsed, FieldKind.Integer, 0, int.MaxValue, "seats in use"),
        new(NewTeamMembers, FieldKind.Integer, 0, int.MaxValue, "team members added in the last 30 days"),
        new(OnboardingCompleted, FieldKind.Boolean, 0, 0, "whether onboarding is complete, for the KPI report"),
        new(ParentId, FieldKind.Text, 0, 0, "the id of the account's parent (its group, or the customer of a workspace), empty for a top-level account: parents are rolled up"),
        new(Segment, FieldKind.Text, 0, 0, "the customer's segment (Smb, MidMarket, Enterprise, or your own values), with --profiles"),
        new(Stage, FieldKind.Text, 0, 0, "the lifecycle stage (Onboarding, Adoption, Retention, Expansion, Advocacy), with --profiles; empty: told by kickoff, go_live and renewal_date"),
        new(Kickoff, FieldKind.Date, 0, 0, "the onboarding kickoff date, with --profiles, to tell the stage"),
        new(GoLive, FieldKind.Date, 0, 0, "the go-live date, with --profiles, to tell the stage"),
    ];

    /// <summary>The common field of that name (ignoring case), or null: a model component may not take one's name.</summary>
    public static InputField? Named(string name) =>
        Common.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The fields read only with a profile set: without one, their columns are not read at all.</summary>
    private static readonly string[] ProfileFields = [Segment, Stage, Kickoff, GoLive];

    /// <summary>
    /// Every field for a run's models: their component keys (scores 0 to 100) first, then <see cref="Common"/> (without
    /// the segment, stage and onboarding dates unless a profile set reads them).
    /// </summary>
    /// <param name="models">The run's models.</param>
    /// <param name="history">Whether the input is a history: each row then gives its own date, in <see cref="AsOf"/>.</param>
    public static IReadOnlyList<InputField> For(RunModels models, bool history = false)
    {
        var keys = models.ComponentKeys;
        var components = keys.Select((key, i) => new InputField(key, FieldKind.Number, 0, 100, models.ComponentDescriptions[i]));
        IEnumerable<InputField> dated = history && !keys.Contains(AsOf, StringComparer.OrdinalIgnoreCase) ? [SnapshotDate] : [];
        return [.. components, .. Common.Where(f => !keys.Contains(f.Name, StringComparer.OrdinalIgnoreCase) && (models.Profiles is not null || !ProfileFields.Contains(f.Name))), .. dated];
    }
}
