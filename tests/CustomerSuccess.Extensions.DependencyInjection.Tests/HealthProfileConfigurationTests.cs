using System;
using System.IO;
using System.Linq;
using System.Text;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Xunit;

namespace CustomerSuccess.DependencyInjection.Tests;

public sealed class HealthProfileConfigurationTests
{
    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    [Fact]
    public void Read_ProfilesAndDefault_BuildsTheSetTheyDescribe()
    {
        var set = HealthProfileConfiguration.Read(Json("""
            {
              "Profiles": [
                { "Name": "onboarding", "Stage": "onboarding", "Model": { "Preset": "onboarding" } },
                { "Name": "enterprise", "Segment": "Enterprise", "Model": { "Weights": { "usage": 0.5, "support": 0.5 }, "BandScheme": "seed-002" } }
              ],
              "Default": { "Name": "standard", "Model": { "Preset": "40-30-30" } }
            }
            """));

        Assert.Equal(["onboarding", "enterprise"], set.Profiles.Select(p => p.Name));
        Assert.Equal(LifecycleStage.Onboarding, set.Profiles[0].Stage);
        Assert.Equal(OnboardingHealth.Model.Components.Select(c => (c.Key, c.Weight)), set.Profiles[0].Model.Components.Select(c => (c.Key, c.Weight)));
        Assert.Equal("onboarding", set.Profiles[0].Model.Name);
        Assert.Equal("Enterprise", set.Profiles[1].Segment);
        Assert.Equal(["support", "usage"], set.Profiles[1].Model.Components.Select(c => c.Key));
        Assert.Same(HealthBandSchemes.HealthyAtRiskCritical, set.Profiles[1].Model.Bands);
        Assert.Equal("standard", set.Default!.Name);
        Assert.Equal(HealthScoreModels.UsageEngagementSupport.Components.Select(c => c.Weight), set.Default.Model.Components.Select(c => c.Weight));

        // The set resolves as one built in code would: stage first, then segment, then the default.
        Assert.Equal("onboarding", set.Resolve("enterprise", LifecycleStage.Onboarding).Profile.Name);
        Assert.Equal("enterprise", set.Resolve("enterprise", LifecycleStage.Adoption).Profile.Name);
        Assert.Equal("standard", set.Resolve("Smb", LifecycleStage.Adoption).Profile.Name);
    }

    [Fact]
    public void Read_WithoutDefault_LeavesAnUnmatchedCustomerUnresolved()
    {
        var set = HealthProfileConfiguration.Read(Json("""{ "Profiles": [ { "Name": "smb", "Segment": "Smb", "Model": { "Preset": "40-30-30" } } ] }"""));

        Assert.Null(set.Default);
        Assert.False(set.TryResolve("Enterprise", null, out _));
    }

    [Fact]
    public void Read_EveryProblem_IsListedWithItsPath()
    {
        var e = Assert.Throws<OptionsValidationException>(() => HealthProfileConfiguration.Read(Json("""
            {
              "Profiles": [
                { "Segment": "Smb", "Model": { "Preset": "40-30-30" } },
                { "Name": "late", "Stage": "Renewal", "Model": { "Preset": "40-30-30" } },
                { "Name": "empty" },
                { "Name": "bad", "Model": { "Preset": "nope" } }
              ],
              "Default": { "Name": "all", "Segment": "Smb", "Model": { "Preset": "40-30-30" } },
              "Colour": "red"
            }
            """)));

        // A stage that is not a stage's name, and an unknown key, are found before anything is bound.
        Assert.Contains(e.Failures, f => f.StartsWith("Profiles:1:Stage: 'Renewal'", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.Contains("Colour", StringComparison.Ordinal));

        var bound = Assert.Throws<OptionsValidationException>(() => HealthProfileConfiguration.Read(Json("""
            {
              "Profiles": [
                { "Segment": "Smb", "Model": { "Preset": "40-30-30" } },
                { "Name": "empty" },
                { "Name": "bad", "Model": { "Preset": "nope" } }
              ],
              "Default": { "Name": "all", "Segment": "Smb", "Model": { "Preset": "40-30-30" } }
            }
            """)));
        Assert.Equal(
        [
            "Profiles:0:Name is missing; every profile needs a name.",
            "Profiles:1:Model is missing; set its Preset or Weights.",
            "Profiles:2:Model:Preset 'nope' is not a preset; valid names: " + string.Join(", ", HealthScoreModels.All.Select(m => m.Name)) + ", onboarding.",
            "Default names a segment or a stage; the default profile scores every customer no other profile matches, so it names neither.",
        ], bound.Failures);
    }

    [Fact]
    public void Read_TwoProfilesForOneSegmentAndStage_IsRefused()
    {
        var e = Assert.Throws<OptionsValidationException>(() => HealthProfileConfiguration.Read(Json("""
            { "Profiles": [
                { "Name": "a", "Segment": "Smb", "Model": { "Preset": "40-30-30" } },
                { "Name": "b", "Segment": "smb", "Model": { "Preset": "40-30-30" } } ] }
            """)));

        Assert.Contains("profiles 'a' and 'b' both match segment Smb", Assert.Single(e.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoProfiles_IsRefused()
    {
        var e = Assert.Throws<OptionsValidationException>(() => HealthProfileConfiguration.Read(Json("{}")));

        Assert.Equal("the profile set has no profiles; set Profiles, or a Default.", Assert.Single(e.Failures));
        Assert.Throws<ArgumentNullException>(() => HealthProfileConfiguration.Read(null!));
    }

    [Fact]
    public void Read_ASection_NamesItsPath()
    {
        var section = Json("""{ "Health": { "Profiles": [ { "Name": "x" } ] } }""").GetSection("Health");

        var e = Assert.Throws<OptionsValidationException>(() => HealthProfileConfiguration.Read(section));

        Assert.Equal("Health:Profiles:0:Model is missing; set its Preset or Weights.", Assert.Single(e.Failures));
    }
}
