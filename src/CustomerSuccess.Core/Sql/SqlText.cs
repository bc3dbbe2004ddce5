using System;
using System.Globalization;
using System.Text;

namespace CustomerSuccess.Sql;

/// <summary>How each dialect writes an identifier, a string, a number and a type: no caller's value reaches SQL text unescaped.</summary>
internal static class SqlText
{
    /// <summary>An identifier quoted for the dialect: double quotes doubled inside double quotes, or back quotes doubled inside back quotes.</summary>
    public static string Identifier(string name, SqlDialect dialect)
    {
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"the identifier '{name.Replace("\0", "\\0", StringComparison.Ordinal)}' holds a NUL character, which no dialect allows.", nameof(name));
        }

        return dialect == SqlDialect.SparkSql
            ? "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`"
            : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A string literal for the dialect: quotes doubled (DuckDB, PostgreSQL), or backslash and quote escaped (Spark, whose literals read backslash escapes).</summary>
    public static string String(string value, SqlDialect dialect)
    {
        if (dialect != SqlDialect.SparkSql)
        {
            return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        var text = new StringBuilder("'");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return text.Append('\'').ToString();
    }

    /// <summary>
    /// A double as the dialect reads it exactly: the shortest text that round-trips, cast from a string (a bare 0.3 is
    /// an exact decimal in all three dialects, and a decimal's own conversion to a double is not always the nearest one).
    /// </summary>
    public static string Double(double value, SqlDialect dialect) =>
        $"CAST('{value.ToString("R", CultureInfo.InvariantCulture)}' AS {DoubleType(dialect)})";

    /// <summary>The dialect's name for a 64-bit floating-point number.</summary>
    public static string DoubleType(SqlDialect dialect) => dialect == SqlDialect.PostgreSql ? "DOUBLE PRECISION" : "DOUBLE";

    /// <summary>A table as the FROM clause names it: the schema's identifier and a dot first when there is one.</summary>
    public static string Table(string? schema, string table, SqlDialect dialect) =>
        schema is null ? Identifier(table, dialect) : $"{Identifier(schema, dialect)}.{Identifier(table, dialect)}";

    /// <summary>A table's name as the options take it: not empty.</summary>
    /// <exception cref="ArgumentException">The name is empty or white space.</exception>
    public static string TableName(string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("the table's name is empty.", nameof(value)) : value;

    /// <summary>A comment line: the text on one line, with nothing that could end the comment.</summary>
    public static string Comment(string text) => "-- " + text.ReplaceLineEndings(" ");
}
