using System;
using System.Linq;
using CustomerSuccess.Health;
using CustomerSuccess.Onboarding;
using CustomerSuccess.Portfolio;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests.Health;

/// <summary>Health profiles: which model scores which customer and why, the stage from dates, the onboarding profile's components.</summary>
public sealed class HealthProfileTests
{
    private static readonly IHealthScoreModel A = HealthScoreModels.UsageEngagementSupport;
    private static readonly IHealthScoreModel B = HealthScoreModels.UsageSupportEngagementBillingOutcomes;

    private static readonly HealthProfileSet Set = new(
    [
        new HealthProfile("everyone", A),
        new HealthProfile("enterprise", B) { Segment = "Enterprise" },
        new HealthProfile("onboarding", OnboardingHealth.Model) { Stage = LifecycleStage.Onboarding },
        new HealthProfile("enterprise-onboarding", B) { Segment = "Enterprise", Stage = LifecycleStage.Onboarding },
    ]);

    [Theory]
    [InlineData("Enterprise", LifecycleStage.Onboarding, "enterprise-onboarding", "segment Enterprise, stage Onboarding matches 'enterprise-onboarding'")]
    [InlineData("Smb", LifecycleStage.Onboarding, "onboarding", "stage Onboarding matches 'onboarding'")]
    [InlineData(" enterprise ", LifecycleStage.Adoption, "enterprise", "segment Enterprise matches 'enterprise'")]
    [InlineData("Smb", LifecycleStage.Adoption, "everyone", "every customer matches 'everyone'")]
    [InlineData(null, null, "everyone", "every customer matches 'everyone'")]
    public void TheMostSpecificProfile_Wins_AndSaysWhy(string? segment, LifecycleStage? stage, string profile, string reason)
    {
        var match = Set.Resolve(segment, stage);

        Assert.Equal((profile, reason), (match.Profile.Name, match.Reason));
    }

    [Theory]
    [InlineData("Enterprise", LifecycleStage.Onboarding)]
    [InlineData("Smb", LifecycleStage.Onboarding)]
    [InlineData(" enterprise ", LifecycleStage.Adoption)]
    [InlineData("", null)]
    [InlineData("  ", LifecycleStage.Retention)]
    public void IndexOf_ASegmentsText_FindsTheProfileResolveFinds(string segment, LifecycleStage? stage)
    {
        var index = Set.IndexOf(segment.AsSpan(), stage);

        Assert.Same(Set.Resolve(segment, stage).Profile, Set.Profiles[index]);
    }

    [Fact]
    public void IndexOf_GivesTheDefaultAsTheProfilesCount_AndMinusOneForNoMatch()
    {
        var strict = new HealthProfileSet([new HealthProfile("enterprise", B) { Segment = "Enterprise" }]);
        var lenient = new HealthProfileSet([new HealthProfile("enterprise", B) { Segment = "Enterprise" }], new HealthProfile("standard", A));

        Assert.Equal(-1, strict.IndexOf("Smb", null));
        Assert.Equal(1, lenient.IndexOf("Smb", null));
        Assert.Equal(0, lenient.IndexOf("ENTERPRISE", null));
        Assert.Throws<ArgumentOutOfRangeException>(() => lenient.IndexOf("Smb", (LifecycleStage)99));
    }

    [Fact]
    public void NoMatch_IsAnError_UnlessTheSetHasADefault()
    {
        var strict = new HealthProfileSet([new HealthProfile("enterprise", B) { Segment = "Enterprise" }]);
        var lenient = new HealthProfileSet([new HealthProfile("enterprise", B) { Segment = "Enterprise" }], new HealthProfile("standard", A));

        var error = Assert.Throws<ArgumentException>(() => strict.Resolve("Smb", LifecycleStage.Adoption));
        Assert.Contains("no health profile matches segment 'Smb' and stage Adoption, and the set has no default", error.Message, StringComparison.Ordinal);
        Assert.False(strict.TryResolve("Smb", null, out var none));
        Assert.Null(none);
        var fallback = lenient.Resolve("Smb", null);
        Assert.Equal(("standard", "no profile matches segment 'Smb' and stage (none): the default 'standard'"), (fallback.Profile.Name, fallback.Reason));
    }

    [Fact]
    public void ASetThatCannotDecide_IsRefused_ListingEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => new HealthProfileSet(
        [
            new HealthProfile("one", A) { Segment = "Enterprise" },
            new HealthProfile("two", B) { Segment = "ENTERPRISE" },
            new HealthProfile("One", B) { Stage = LifecycleStage.Adoption },
        ]));

        Assert.Contains("profiles 'one' and 'two' both match segment Enterprise", error.Message, StringComparison.Ordinal);
        Assert.Contains("the name 'one' is used by 2 profiles", error.Message, StringComparison.Ordinal);
        Assert.Contains("it has no profiles", Assert.Throws<ArgumentException>(() => new HealthProfileSet([])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealthProfile("x", A) { Stage = (LifecycleStage)9 });
    }

    [Fact]
    public void ByStage_ScoresOnboardingCustomersOnTheirOnboarding()
    {
        var set = HealthProfileSet.ByStage(OnboardingHealth.Model, A);

        Assert.Equal("onboarding", set.Resolve("Smb", LifecycleStage.Onboarding).Profile.Model.Name);
        Assert.Equal("40-30-30", set.Resolve("Smb", LifecycleStage.Retention).Profile.Model.Name);
    }

    [Theory]
    [InlineData("2026-11-01", "2026-12-01", null, LifecycleStage.Onboarding)]     // before go-live
    [InlineData("2026-11-01", null, null, LifecycleStage.Onboarding)]             // no go-live: within 90 days of the kickoff
    [InlineData("2026-06-01", null, null, LifecycleStage.Adoption)]               // 174 days after it
    [InlineData("2025-01-01", "2025-02-01", "2027-02-20", LifecycleStage.Retention)]   // 89 days to the renewal
    [InlineData("2025-01-01", "2025-02-01", "2027-02-21", LifecycleStage.Adoption)]    // 90 days: outside the window
    public void TheStage_FollowsTheDates(string kickoff, string? goLive, string? renewal, LifecycleStage expected)
    {
        static LocalDate? D(string? s) => s is null ? null : LocalDate.FromDateTime(DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, HealthProfileSet.StageOn(new LocalDate(2026, 11, 23), D(kickoff), D(goLive), D(renewal)));
    }

    [Fact]
    public void TheStage_WithNoDates_IsUnknown_AndABadWindowIsRefused()
    {
        Assert.Null(HealthProfileSet.StageOn(new LocalDate(2026, 11, 23), null, null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthProfileSet.StageOn(new LocalDate(2026, 11, 23), null, null, null, 0));
    }

    /// <summary>
    /// Day 10 of the enterprise plan with nothing done: on track or not as the tracker says; first value not reached and
    /// the start under 30 days back, so missing; then behind with one task overdue and first value on day 3.
    /// </summary>
    [Fact]
    public void TheOnboardingProfile_ScoresStatusFirstValueAndOverdueTasks()
    {
        var start = new LocalDate(2026, 11, 1);
        var progress = new OnboardingTracker().Track(OnboardingTemplates.Seed003Enterprise, start, [], start.PlusDays(10));
        var fresh = progress with { Status = OnboardingStatus.OnTrack, Overdue = [], TimeToFirstValueDays = null };
        var late = progress with { Status = OnboardingStatus.Behind, Overdue = progress.Overdue.Take(1).ToArray(), TimeToFirstValueDays = 3 };
        Assert.NotEmpty(progress.Overdue);

        var freshScores = OnboardingHealth.ComponentScores(fresh);
        var lateScores = OnboardingHealth.ComponentScores(late);

        Assert.Equal(100, freshScores[0]);
        Assert.True(double.IsNaN(freshScores[1]));
        Assert.Equal(100, freshScores[2]);
        Assert.Equal(100, OnboardingHealth.Model.Score(freshScores).Value);   // status and overdue tasks, renormalized
        Assert.Equal([50.0, 60.0, 60.0], lateScores);
        Assert.Equal(56.0, OnboardingHealth.Model.Score(lateScores).Value, 9);   // 0.4·50 + 0.3·60 + 0.3·60
        Assert.Equal(0, OnboardingHealth.ComponentScores(fresh with { AsOf = start.PlusDays(30) })[1]);
    }
}
