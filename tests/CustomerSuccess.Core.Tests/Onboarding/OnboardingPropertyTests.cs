using System.Linq;
using CustomerSuccess.Onboarding;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.Tests.Onboarding;

/// <summary>Seeded properties of the onboarding tracker over every template.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class OnboardingPropertyTests
{
    private static readonly LocalDate Start = new(2026, 1, 5);
    private static readonly OnboardingTracker Tracker = new();

    private static readonly Gen<(OnboardingPlan Plan, TaskCompletion[] Done, int AsOfDay)> Cases =
        from plan in Gen.Elements(OnboardingTemplates.All.ToArray())
        from asOfDay in Gen.Choose(0, 120)
        from chosen in Gen.SubListOf(plan.Tasks.ToArray())
        from days in Gen.ArrayOf(Gen.Choose(0, asOfDay), chosen.Count)
        from order in Gen.Shuffle(Enumerable.Range(0, chosen.Count))
        select (plan, order.Select(i => new TaskCompletion(chosen[i].Id, Start.PlusDays(days[i]))).ToArray(), asOfDay);

    [Property]
    public Property Progress_IsWithin0And1_AndNeverFallsWhenAnotherTaskCompletes() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var asOf = Start.PlusDays(c.AsOfDay);
            var before = Tracker.Track(c.Plan, Start, c.Done, asOf);
            var next = c.Plan.Tasks.FirstOrDefault(t => !c.Done.Any(d => d.TaskId == t.Id));
            if (next is null)
            {
                return before.Progress == 1;
            }

            var after = Tracker.Track(c.Plan, Start, [.. c.Done, new TaskCompletion(next.Id, asOf)], asOf);
            return before.Progress >= 0 && before.Progress <= 1 && after.Progress > before.Progress && after.Overdue.Count <= before.Overdue.Count;
        });

    [Property]
    public Property EveryTaskComplete_NothingIsOverdue_AndProgressIs1() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var asOf = Start.PlusDays(c.AsOfDay);
            var all = c.Plan.Tasks.Select(t => new TaskCompletion(t.Id, asOf)).ToArray();
            var progress = Tracker.Track(c.Plan, Start, all, asOf);
            return progress.Overdue.Count == 0 && progress.Progress == 1 && progress.Status == OnboardingStatus.Complete && progress.CurrentPhase is null;
        });

    [Property]
    public Property DueDates_AreTheStartPlusTheOffset() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var progress = Tracker.Track(c.Plan, Start, c.Done, Start.PlusDays(c.AsOfDay));
            return progress.Overdue.All(o => o.DueDate == Start.PlusDays(o.Task.DayOffset) && o.DaysLate == c.AsOfDay - o.Task.DayOffset && o.DaysLate > 0);
        });

    [Property]
    public Property Result_DoesNotDependOnTheOrderOfCompletions() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var asOf = Start.PlusDays(c.AsOfDay);
            var a = Tracker.Track(c.Plan, Start, c.Done, asOf);
            var b = Tracker.Track(c.Plan, Start, c.Done.Reverse(), asOf);
            return a.Progress == b.Progress && a.Status == b.Status && a.TimeToFirstValueDays == b.TimeToFirstValueDays
                && a.ProjectedCompletion == b.ProjectedCompletion && a.Overdue.SequenceEqual(b.Overdue)
                && a.NextActions.SequenceEqual(b.NextActions) && a.CurrentPhase == b.CurrentPhase
                && a.KickoffOnTime == b.KickoffOnTime && a.CompletedOnTime == b.CompletedOnTime;
        });
}
