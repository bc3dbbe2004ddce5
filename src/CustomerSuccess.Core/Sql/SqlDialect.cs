namespace CustomerSuccess.Sql;

/// <summary>The SQL dialects the library compiles models to.</summary>
public enum SqlDialect
{
    /// <summary>DuckDB: identifiers in double quotes, standard string literals, <c>DOUBLE</c>.</summary>
    DuckDb = 0,

    /// <summary>PostgreSQL: identifiers in double quotes, standard string literals, <c>DOUBLE PRECISION</c>.</summary>
    PostgreSql = 1,

    /// <summary>Spark SQL (and Databricks): identifiers in back quotes, string literals with backslash escapes, <c>DOUBLE</c>.</summary>
    SparkSql = 2,
}
