using System.Linq;
using CustomerSuccess.Churn;
using Npgsql;
using NpgsqlTypes;
using Xunit;

namespace CustomerSuccess.Sql.Tests;

/// <summary>The compiled churn rules run by a PostgreSQL server (see <see cref="PostgreSqlFactAttribute"/>), against the library's brief of every customer.</summary>
public sealed class PostgreSqlChurnSqlTests
{
    [PostgreSqlFact]
    public void TheDefaultAssessor_OverAMillionCustomers_GivesTheLibrarysScoresLevelsAndFactors()
    {
        var connectionString = PostgreSqlHealthSqlTests.ConnectionString;
        Assert.True(connectionString is not null, "CUSTOMER_SUCCESS_POSTGRES is not set: start a cluster with tests/postgres/cluster.sh start");
        var customers = SeededSignals.Generate(1_000_000, seed: 29);
        var assessor = new RuleBasedChurnRiskAssessor();
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute(connection, "DROP TABLE IF EXISTS signals");
        Execute(connection, "CREATE UNLOGGED TABLE signals (id INTEGER PRIMARY KEY, health_score DOUBLE PRECISION, usage_change_percent DOUBLE PRECISION, "
            + "feature_adoption_rate DOUBLE PRECISION, unresolved_high_priority_tickets INTEGER, high_priority_tickets_last_30_days INTEGER, "
            + "open_escalations INTEGER, last_contact_date DATE, last_login_date DATE, last_activity_date DATE, late_payments INTEGER, "
            + "champion_leaving BOOLEAN, latest_nps_response INTEGER, renewal_date DATE)");
        using (var importer = connection.BeginBinaryImport("COPY signals FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < customers.Count; i++)
            {
                var s = customers[i];
                importer.StartRow();
                importer.Write(i, NpgsqlDbType.Integer);
                Write(importer, s.HealthScore, NpgsqlDbType.Double);
                Write(importer, s.UsageChangePercent, NpgsqlDbType.Double);
                Write(importer, s.FeatureAdoptionRate, NpgsqlDbType.Double);
                Write(importer, s.UnresolvedHighPriorityTickets, NpgsqlDbType.Integer);
                Write(importer, s.HighPriorityTicketsLast30Days, NpgsqlDbType.Integer);
                Write(importer, s.OpenEscalations, NpgsqlDbType.Integer);
                Write(importer, s.LastContactDate?.ToDateOnly(), NpgsqlDbType.Date);
                Write(importer, s.LastLoginDate?.ToDateOnly(), NpgsqlDbType.Date);
                Write(importer, s.LastActivityDate?.ToDateOnly(), NpgsqlDbType.Date);
                Write(importer, s.LatePayments, NpgsqlDbType.Integer);
                Write(importer, s.ChampionLeaving, NpgsqlDbType.Boolean);
                Write(importer, s.LatestNpsResponse, NpgsqlDbType.Integer);
                Write(importer, s.RenewalDate?.ToDateOnly(), NpgsqlDbType.Date);
            }

            importer.Complete();
        }

        using var command = connection.CreateCommand();
        var sql = ChurnRulesSql.Compile(assessor, SqlDialect.PostgreSql, new ChurnSqlOptions { Table = "signals", AsOf = SeededSignals.AsOf });
        command.CommandText = $"SELECT * FROM (\n{sql}) AS q ORDER BY id";
        command.CommandTimeout = 600;
        using var reader = command.ExecuteReader();
        var mismatches = SeededSignals.Mismatches(reader, assessor, customers, out var counts);

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} customers differ, such as {string.Join("; ", mismatches.Take(5))}");
        Assert.Equal(1_000_000, counts.Compared);
    }

    private static void Write<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            importer.Write(v, type);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
