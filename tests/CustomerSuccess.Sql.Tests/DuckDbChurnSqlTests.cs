using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Churn;
using DuckDB.NET.Data;
using Xunit;

namespace CustomerSuccess.Sql.Tests;

/// <summary>The compiled churn rules, run by DuckDB in process, against the library's brief of every customer.</summary>
public sealed class DuckDbChurnSqlTests
{
    [Fact]
    public void TheDefaultAssessor_OverAMillionCustomers_GivesTheLibrarysScoresLevelsAndFactors()
    {
        var (compared, refused) = RunAndCompare(new RuleBasedChurnRiskAssessor(), SeededSignals.Generate(1_000_000, seed: 29));

        Assert.Equal(1_000_000, compared);
        Assert.InRange(refused, 5_000, 15_000);
    }

    [Fact]
    public void OtherThresholds_DisabledRules_AndTheRiskScorePolicy_GiveTheLibrarysFigures()
    {
        var options = new ChurnRiskOptions
        {
            UsageDeclinePercent = 10,
            MaxDaysInactive = 7,
            HealthWeight = 0.7,
            HighFactorRisk = 0.35,
            DisabledRules = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ChurnRuleIds.NegativeFeedback, ChurnRuleIds.LatePayment },
            LevelPolicy = ChurnLevelPolicies.RiskScore,
        };

        var (compared, _) = RunAndCompare(new RuleBasedChurnRiskAssessor(options), SeededSignals.Generate(200_000, seed: 30));

        Assert.Equal(200_000, compared);
    }

    [Fact]
    public void AHighestOfOwnCutOffs_GivesTheLibrarysLevels()
    {
        var options = new ChurnRiskOptions
        {
            LevelPolicy = new HighestLevelPolicy("own", [new HealthBandLevelPolicy(30, 70), new RiskQueryLevelPolicy(60, 50, 10, 1, 20), new RiskScoreLevelPolicy(20, 45, 70)]),
        };

        var (compared, _) = RunAndCompare(new RuleBasedChurnRiskAssessor(options), SeededSignals.Generate(200_000, seed: 31));

        Assert.Equal(200_000, compared);
    }

    [Fact]
    public void TheComparison_FindsAQueryCompiledFromOtherOptions()
    {
        var customers = SeededSignals.Generate(20_000, seed: 32);
        var other = new RuleBasedChurnRiskAssessor(new ChurnRiskOptions { MaxDaysInactive = 13 });

        var mismatches = Mismatches(new RuleBasedChurnRiskAssessor(), other, customers, out _);

        Assert.InRange(mismatches.Count, 100, 20_000);
    }

    private static (int Compared, int Refused) RunAndCompare(RuleBasedChurnRiskAssessor assessor, List<CustomerSignals> customers)
    {
        var mismatches = Mismatches(assessor, assessor, customers, out var counts);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} customers differ, such as {string.Join("; ", mismatches.Take(5))}");
        return counts;
    }

    private static List<string> Mismatches(RuleBasedChurnRiskAssessor assessor, RuleBasedChurnRiskAssessor compiled, List<CustomerSignals> customers, out (int Compared, int Refused) counts)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Load(connection, customers);
        var sql = ChurnRulesSql.Compile(compiled, SqlDialect.DuckDb, new ChurnSqlOptions { Table = "signals", AsOf = SeededSignals.AsOf });
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM (\n{sql}) AS q ORDER BY id";
        using var reader = command.ExecuteReader();
        return SeededSignals.Mismatches(reader, assessor, customers, out counts);
    }

    private static void Load(DuckDBConnection connection, List<CustomerSignals> customers)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "CREATE TABLE signals (id INTEGER, health_score DOUBLE, usage_change_percent DOUBLE, feature_adoption_rate DOUBLE, "
                + "unresolved_high_priority_tickets INTEGER, high_priority_tickets_last_30_days INTEGER, open_escalations INTEGER, "
                + "last_contact_date DATE, last_login_date DATE, last_activity_date DATE, late_payments INTEGER, champion_leaving BOOLEAN, "
                + "latest_nps_response INTEGER, renewal_date DATE)";
            command.ExecuteNonQuery();
        }

        using var appender = connection.CreateAppender("signals");
        for (var i = 0; i < customers.Count; i++)
        {
            var s = customers[i];
            var row = appender.CreateRow().AppendValue(i)
                .AppendValue(s.HealthScore).AppendValue(s.UsageChangePercent).AppendValue(s.FeatureAdoptionRate)
                .AppendValue(s.UnresolvedHighPriorityTickets).AppendValue(s.HighPriorityTicketsLast30Days).AppendValue(s.OpenEscalations)
                .AppendValue(s.LastContactDate?.ToDateOnly()).AppendValue(s.LastLoginDate?.ToDateOnly()).AppendValue(s.LastActivityDate?.ToDateOnly())
                .AppendValue(s.LatePayments).AppendValue(s.ChampionLeaving).AppendValue(s.LatestNpsResponse).AppendValue(s.RenewalDate?.ToDateOnly());
            row.EndRow();
        }
    }
}
