using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Health;
using Npgsql;
using NpgsqlTypes;
using Xunit;

namespace CustomerSuccess.Sql.Tests;

/// <summary>
/// A test that needs a PostgreSQL server: its connection string in CUSTOMER_SUCCESS_POSTGRES (as
/// <c>tests/postgres/cluster.sh start</c> prints it). Skipped without one; with CUSTOMER_SUCCESS_POSTGRES_TESTS=required
/// (as in CI) a missing server fails instead.
/// </summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlHealthSqlTests.ConnectionString is null && Environment.GetEnvironmentVariable("CUSTOMER_SUCCESS_POSTGRES_TESTS") != "required")
        {
            Skip = "needs a PostgreSQL server: export CUSTOMER_SUCCESS_POSTGRES=$(bash tests/postgres/cluster.sh start)";
        }
    }
}

/// <summary>
/// The compiled SQL run by a real PostgreSQL server over one million seeded customers with missing values: every
/// preset's scores within 1e-9 of the library's, every band, rank and coverage equal.
/// </summary>
public sealed class PostgreSqlHealthSqlTests
{
    private const int Customers = 1_000_000;

    public static string? ConnectionString => Environment.GetEnvironmentVariable("CUSTOMER_SUCCESS_POSTGRES");

    [PostgreSqlFact]
    public void EveryPreset_OverAMillionCustomers_GivesTheLibrarysScoresAndBands()
    {
        Assert.True(ConnectionString is not null, "CUSTOMER_SUCCESS_POSTGRES is not set: start a cluster with tests/postgres/cluster.sh start");
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        var keys = HealthScoreModels.All.SelectMany(m => m.Components.Select(c => c.Key)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var data = SeededCustomers.Data(keys.Length, Customers, seed: 20261203);
        Execute(connection, "DROP TABLE IF EXISTS customers");
        Execute(connection, $"CREATE UNLOGGED TABLE customers (id INTEGER PRIMARY KEY, {string.Join(", ", keys.Select(k => $"\"{k}\" DOUBLE PRECISION"))})");
        using (var importer = connection.BeginBinaryImport($"COPY customers (id, {string.Join(", ", keys.Select(k => $"\"{k}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < data.Length; i++)
            {
                importer.StartRow();
                importer.Write(i, NpgsqlDbType.Integer);
                foreach (var value in data[i])
                {
                    if (double.IsNaN(value))
                    {
                        importer.WriteNull();
                    }
                    else
                    {
                        importer.Write(value, NpgsqlDbType.Double);
                    }
                }
            }

            importer.Complete();
        }

        var failures = new List<string>();
        foreach (var model in HealthScoreModels.All)
        {
            var columnOf = model.Components.Select(c => Array.FindIndex(keys, k => string.Equals(k, c.Key, StringComparison.OrdinalIgnoreCase))).ToArray();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM (\n{HealthModelSql.Compile(model, SqlDialect.PostgreSql, new HealthSqlOptions { Table = "customers" })}) AS q ORDER BY id";
            command.CommandTimeout = 600;
            using var reader = command.ExecuteReader();
            var rows = 0;
            var mismatches = 0;
            var values = new double[columnOf.Length];
            while (reader.Read())
            {
                var id = reader.GetInt32(0);
                for (var c = 0; c < values.Length; c++)
                {
                    values[c] = data[id][columnOf[c]];
                }

                var row = SeededCustomers.Row(reader);
                mismatches += SeededCustomers.Matches(model, values, row) ? 0 : 1;
                rows++;
            }

            if (rows != Customers || mismatches > 0)
            {
                failures.Add($"{model.Name}: {rows} rows, {mismatches} unlike the library's");
            }
        }

        Assert.Empty(failures);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
