using System;
using System.Collections.Generic;

namespace CustomerSuccess.Onboarding;

/// <summary>
/// The onboarding plans of the seeds, built with the public constructors exactly as a user would build their own.
/// Where a seed gives tasks without days, the days are ours and the plan's source says so.
/// </summary>
public static class OnboardingTemplates
{
    /// <summary>
    /// The Petra playbook's journey, with the days this plan uses: Signup day 0; Activation days 1–3 (first value due
    /// day 1, the playbook's time-to-first-value target of under 24 hours; activated by day 3); Engagement days 4–13;
    /// Conversion day 14; Success days 15–29; Expansion days 30–60. The playbook's ranges overlap (Engagement 4–14 and
    /// Conversion 14, Success 15–30 and Expansion 30+): here Engagement ends on day 13 and Success on day 29 so that each
    /// day is in one phase, and Expansion's "day 30+" is shown as days 30–60.
    /// </summary>
    public static OnboardingPlan Seed000Journey { get; } = new("Customer journey", "Petra playbook",
    [
        new OnboardingPhase("Signup", 0, 0, [new("signup", "Account created", 0, "Customer")]),
        new OnboardingPhase("Activation", 1, 3,
        [
            new("first-value", "First value reached", 1, "CSM", isFirstValue: true),
            new("activation", "Activated: first key action done", 3, "CSM"),
        ]),
        new OnboardingPhase("Engagement", 4, 13, [new("engagement", "Regular use established", 13, "CSM")]),
        new OnboardingPhase("Conversion", 14, 14, [new("conversion", "Converted to a paid plan", 14, "Sales")]),
        new OnboardingPhase("Success", 15, 29, [new("success", "Success criteria met", 29, "CSM")]),
        new OnboardingPhase("Expansion", 30, 60, [new("expansion", "Expansion conversation", 30, "CSM")]),
    ]);

    /// <summary>
    /// The CS Manager playbook's 30-60-90 plan: days 1–30 implement and train (kickoff within 3 days of close, configure, import,
    /// admin and end-user training, first value by day 30), days 31–60 adopt and optimize, days 61–90 expand and
    /// advocate. Days of the steps other than the kickoff and first value are ours.
    /// </summary>
    public static OnboardingPlan Seed001ThirtySixtyNinety { get; } = new("30-60-90 day plan", "CS Manager playbook (step days ours)",
    [
        new OnboardingPhase("Implement and train", 1, 30,
        [
            new("kickoff", "Kickoff call", 3, "CSM", "Success plan"),
            new("configure", "Configure the account", 7, "CSM"),
            new("import", "Import data", 10, "Customer"),
            new("admin-training", "Admin training", 14, "CSM", "Trained admins"),
            new("end-user-training", "End-user training", 21, "CSM", "Trained users"),
            new("first-value", "First value achieved", 30, "CSM", "First outcome", isFirstValue: true),
        ]),
        new OnboardingPhase("Adopt and optimize", 31, 60,
        [
            new("advanced-features", "Advanced features adopted", 45, "CSM"),
            new("power-users", "Power users identified", 60, "CSM"),
        ]),
        new OnboardingPhase("Expand and advocate", 61, 90,
        [
            new("business-review", "First business review", 75, "CSM", "Business review deck"),
            new("roi", "ROI documented", 80, "CSM", "ROI summary"),
            new("reference", "Reference or expansion conversation", 90, "CSM"),
        ]),
    ]);

    /// <summary>
    /// The CS Expert playbook's enterprise 90-day plan: Foundation days 1–14 (kickoff day 1, integration workshop day 3, admin
    /// training day 7), Adoption days 15–45 (pilot day 15, end-user training day 21, first-value review day 30),
    /// Optimization days 46–90 (business review day 60, advanced training day 75, graduation day 90).
    /// </summary>
    public static OnboardingPlan Seed003Enterprise { get; } = new("Enterprise 90-day plan", "CS Expert playbook",
    [
        new OnboardingPhase("Foundation", 1, 14,
        [
            new("kickoff", "Kickoff call with stakeholders", 1, "CSM", "Success plan document"),
            new("integration-workshop", "Technical integration workshop", 3, "Solutions Engineer", "Integration completed"),
            new("admin-training", "Admin training session", 7, "CSM", "Certified admins"),
        ]),
        new OnboardingPhase("Adoption", 15, 45,
        [
            new("pilot", "Department pilot launch", 15, "Customer Champion", "Pilot feedback"),
            new("end-user-training", "End user training sessions", 21, "Training Team", "Trained users"),
            new("first-value-review", "First value milestone review", 30, "CSM", "ROI metrics", isFirstValue: true),
        ]),
        new OnboardingPhase("Optimization", 46, 90,
        [
            new("business-review", "Business review meeting", 60, "CSM + Executive Sponsor", "Success metrics report"),
            new("advanced-training", "Advanced features training", 75, "Product Specialist", "Power users identified"),
            new("graduation", "Graduation and expansion planning", 90, "CSM", "Growth roadmap"),
        ]),
    ]);

    /// <summary>
    /// Our mid-market variant of the CS Expert playbook's plan, 60 days: Foundation days 1–7 (kickoff 1, integration 3, admin
    /// training 5), Adoption days 8–30 (pilot 8, end-user training 14, first-value review 21), Optimization days
    /// 31–60 (business review 45, graduation 60).
    /// </summary>
    public static OnboardingPlan MidMarket { get; } = new("Mid-market 60-day plan", "ours, after the CS Expert playbook",
    [
        new OnboardingPhase("Foundation", 1, 7,
        [
            new("kickoff", "Kickoff call", 1, "CSM", "Success plan"),
            new("integration", "Integration set up", 3, "Solutions Engineer"),
            new("admin-training", "Admin training", 5, "CSM"),
        ]),
        new OnboardingPhase("Adoption", 8, 30,
        [
            new("pilot", "Team pilot", 8, "Customer Champion"),
            new("end-user-training", "End-user training", 14, "CSM"),
            new("first-value-review", "First value review", 21, "CSM", isFirstValue: true),
        ]),
        new OnboardingPhase("Optimization", 31, 60,
        [
            new("business-review", "Business review", 45, "CSM"),
            new("graduation", "Graduation from onboarding", 60, "CSM"),
        ]),
    ]);

    /// <summary>
    /// Our SMB variant, 30 days and mostly self-serve: Setup days 1–3 (kickoff 1, account set up 2), Adoption days
    /// 4–14 (training webinar 5, first value 7), Growth days 15–30 (check-in 21, graduation 30).
    /// </summary>
    public static OnboardingPlan Smb { get; } = new("SMB 30-day plan", "ours, after the CS Expert playbook",
    [
        new OnboardingPhase("Setup", 1, 3,
        [
            new("kickoff", "Kickoff call", 1, "CSM"),
            new("setup", "Account set up", 2, "Customer"),
        ]),
        new OnboardingPhase("Adoption", 4, 14,
        [
            new("training", "Training webinar", 5, "CSM"),
            new("first-value", "First value achieved", 7, "Customer", isFirstValue: true),
        ]),
        new OnboardingPhase("Growth", 15, 30,
        [
            new("check-in", "Check-in call", 21, "CSM"),
            new("graduation", "Graduation from onboarding", 30, "CSM"),
        ]),
    ]);

    /// <summary>The CS Agent playbook's timeline: day 0 welcome, day 1 first login, day 3 first key action, day 7 milestone, day 14 first value, day 30 activated.</summary>
    public static OnboardingPlan Seed004Timeline { get; } = new("Onboarding timeline", "CS Agent playbook",
    [
        new OnboardingPhase("Onboarding", 0, 30,
        [
            new("welcome", "Welcome", 0, "CSM"),
            new("first-login", "First login", 1, "Customer"),
            new("first-key-action", "First key action", 3, "Customer"),
            new("milestone", "First milestone", 7, "Customer"),
            new("first-value", "First value", 14, "CSM", isFirstValue: true),
            new("activated", "Activated", 30, "CSM"),
        ]),
    ]);

    /// <summary>
    /// The CS Specialist playbook's stages: Initial Setup (3 days: account created and verified, initial team members added, basic
    /// settings configured), then User Training (7 days: sessions completed, key features demonstrated, questions
    /// addressed), which we flag as the first value.
    /// </summary>
    public static OnboardingPlan Seed002Stages { get; } = new("Onboarding stages", "CS Specialist playbook (first value ours)",
    [
        new OnboardingPhase("Initial Setup", 0, 3,
        [
            new("initial-setup", "Initial Setup", 3, "CSM", null,
                ["Account created and verified", "Initial team members added", "Basic settings configured"], expectedDurationDays: 3),
        ]),
        new OnboardingPhase("User Training", 4, 10,
        [
            new("user-training", "User Training", 10, "CSM", null,
                ["Training sessions completed", "Key features demonstrated", "Questions addressed"], isFirstValue: true, expectedDurationDays: 7),
        ]),
    ]);

    /// <summary>Every template.</summary>
    public static IReadOnlyList<OnboardingPlan> All { get; } = Array.AsReadOnly(
        [Seed000Journey, Seed001ThirtySixtyNinety, Seed003Enterprise, MidMarket, Smb, Seed004Timeline, Seed002Stages]);

    /// <summary>The plan for a segment (CS Expert playbook plans by segment): enterprise, mid-market or SMB.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segment"/> is not defined.</exception>
    public static OnboardingPlan ForSegment(CustomerSegment segment) => segment switch
    {
        CustomerSegment.Enterprise => Seed003Enterprise,
        CustomerSegment.MidMarket => MidMarket,
        CustomerSegment.Smb => Smb,
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, "the segment must be Smb, MidMarket or Enterprise."),
    };
}
