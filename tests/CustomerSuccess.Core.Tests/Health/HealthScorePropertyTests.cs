using System;
using System.Linq;
using CustomerSuccess.Health;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerSuccess.Tests.Health;

/// <summary>Properties over every preset and over random valid models (seeded).</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class HealthScorePropertyTests
{
    private const double Tolerance = 1e-9;

    [Property]
    public Property Score_AnyInput_IsWithin0And100() =>
        Prop.ForAll(Arbitraries.ModelWithScores(HealthGen.ScoreOrMissing), c =>
        {
            var score = c.Model.Score(c.Scores);
            return !score.HasScore || (score.Value >= 0 && score.Value <= 100 && score.Coverage > 0 && score.Coverage <= 1);
        });

    [Property]
    public Property Score_EveryComponentX_IsX() =>
        Prop.ForAll(
            (from model in HealthGen.Model
            from x in HealthGen.Score
            select (model, x)).ToArbitrary(),
            c =>
            {
                var score = c.model.Score(Enumerable.Repeat(c.x, c.model.Components.Count).ToArray());
                return Math.Abs(score.Value - c.x) <= Tolerance && score.Band.Equals(c.model.Bands.Classify(c.x));
            });

    [Property]
    public Property Score_OneComponentIncreases_NeverDecreases() =>
        Prop.ForAll(
            (from c in HealthGen.ModelWithScores(HealthGen.ScoreOrMissing)
            from index in Gen.Choose(0, c.Model.Components.Count - 1)
            from raised in HealthGen.Score
            select (c.Model, c.Scores, index, raised)).ToArbitrary(),
            c =>
            {
                if (double.IsNaN(c.Scores[c.index]))
                {
                    return true; // a missing component that appears changes coverage, not monotonicity
                }

                var higher = (double[])c.Scores.Clone();
                higher[c.index] = Math.Max(c.Scores[c.index], c.raised);
                var before = c.Model.Score(c.Scores);
                var after = c.Model.Score(higher);
                return before.HasScore == after.HasScore
                    && (!before.HasScore || (after.Value >= before.Value && after.Band.Rank >= before.Band.Rank));
            });

    [Property]
    public Property Score_RenormalizedWithMissing_EqualsModelOfPresentComponentsAlone() =>
        Prop.ForAll(Arbitraries.ModelWithScores(HealthGen.ScoreOrMissing), c =>
        {
            var model = c.Model.WithMissingData(new MissingDataPolicy(MissingDataHandling.Renormalize, 0));
            var present = Enumerable.Range(0, c.Scores.Length).Where(i => !double.IsNaN(c.Scores[i])).ToArray();
            var presentWeight = present.Sum(i => model.Components[i].Weight);
            if (present.Length == 0 || presentWeight <= 0)
            {
                return !model.Score(c.Scores).HasScore;
            }

            var alone = new WeightedHealthScoreModel(
                "present",
                present.Select(i => new HealthComponent(model.Components[i].Key, model.Components[i].DisplayName, model.Components[i].Weight / presentWeight)),
                model.Bands);
            var full = model.Score(c.Scores).Value;
            var sub = alone.Score(present.Select(i => c.Scores[i]).ToArray()).Value;
            return Math.Abs(full - sub) <= Tolerance;
        });

    [Property]
    public Property Score_ComponentsDeclaredInAnotherOrder_GivesTheSameScore() =>
        Prop.ForAll(
            (from c in HealthGen.ModelWithScores(HealthGen.ScoreOrMissing)
            from order in Gen.Shuffle(Enumerable.Range(0, c.Model.Components.Count))
            select (c.Model, c.Scores, order)).ToArbitrary(),
            c =>
            {
                var shuffled = new WeightedHealthScoreModel(
                    c.Model.Name, c.order.Select(i => c.Model.Components[i]), c.Model.Bands, c.Model.MissingData);
                var a = c.Model.Score(c.Scores);
                var b = shuffled.Score(c.order.Select(i => c.Scores[i]).ToArray());
                return a.HasScore == b.HasScore
                    && Math.Abs(a.Coverage - b.Coverage) <= Tolerance
                    && (!a.HasScore || (Math.Abs(a.Value - b.Value) <= Tolerance && a.Band.Equals(b.Band)));
            });

    [Property]
    public Property Evaluate_Contributions_AddUpToTheScore() =>
        Prop.ForAll(Arbitraries.ModelWithScores(HealthGen.ScoreOrMissing), c =>
        {
            var result = c.Model.Evaluate(c.Scores);
            if (!result.Score.HasScore)
            {
                return result.Components.All(x => x.Points == 0);
            }

            var effective = result.Components.Sum(x => x.EffectiveWeight);
            return Math.Abs(result.Components.Sum(x => x.Points) - result.Score.Value) <= Tolerance
                && Math.Abs(effective - 1) <= Tolerance;
        });

    [Property]
    public Property Score_Band_MatchesTheThresholds() =>
        Prop.ForAll(Arbitraries.ModelWithScores(HealthGen.ScoreOrMissing), c =>
        {
            var score = c.Model.Score(c.Scores);
            if (!score.HasScore)
            {
                return true;
            }

            var expected = c.Model.Bands.Bands.Last(b => score.Value >= b.LowerBound - HealthBandScheme.BoundTolerance);
            return score.Band.Equals(expected);
        });

    [Property]
    public Property Score_SpanOverload_EqualsKeyedOverload() =>
        Prop.ForAll(Arbitraries.ModelWithScores(HealthGen.ScoreOrMissing), c =>
        {
            var positional = c.Model.Score(c.Scores);
            var explained = c.Model.Evaluate(c.Scores).Score;
            var keyed = c.Model.Evaluate(HealthGen.ByKey(c.Model, c.Scores)).Score;
            return positional == keyed && positional == explained;
        });

    [Property]
    public Property BiggestDrags_AreSortedAndEachRecoversItsPointsAt100() =>
        Prop.ForAll(Arbitraries.ModelWithScores(HealthGen.Score), c =>
        {
            var result = c.Model.Evaluate(c.Scores);
            var drags = result.BiggestDrags();
            for (var i = 1; i < drags.Count; i++)
            {
                if (drags[i].PointsLost > drags[i - 1].PointsLost)
                {
                    return false;
                }
            }

            foreach (var drag in drags)
            {
                var index = result.Components.ToList().IndexOf(drag);
                var raised = (double[])c.Scores.Clone();
                raised[index] = 100;
                var gain = c.Model.Score(raised).Value - result.Score.Value;
                if (Math.Abs(gain - drag.PointsLost) > 1e-7)
                {
                    return false;
                }
            }

            return true;
        });
}
