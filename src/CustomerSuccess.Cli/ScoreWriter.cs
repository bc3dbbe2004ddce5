using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace CustomerSuccess.Cli;

/// <summary>Writes one output row per scored customer, as CSV or JSON Lines. Not thread-safe: one per thread.</summary>
internal abstract class ScoreWriter(TextWriter writer)
{
    /// <summary>The output columns, in order.</summary>
    public static readonly string[] Columns =
        ["id", "health_score", "band", "coverage", "churn_level", "risk_score", "top_factors", "days_to_renewal", "best_expansion"];

    protected TextWriter Writer { get; } = writer;

    /// <summary>A writer of rows (not the header) in a format, csv or jsonl.</summary>
    public static ScoreWriter Create(string format, TextWriter writer) =>
        format == "jsonl" ? new JsonLines(writer) : new Csv(writer);

    /// <summary>Writes what comes before the rows: the CSV header; nothing for JSON Lines.</summary>
    public static void WriteHeader(string format, TextWriter writer)
    {
        if (format != "jsonl")
        {
            writer.WriteLine(string.Join(",", Columns));
        }
    }

    public abstract void Write(ScoredRow row);

    /// <summary>Output precision: half away from zero, on the double's exact value.</summary>
    public static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    protected static string TopFactors(ScoredRow row)
    {
        var factors = row.Churn.Factors;
        return factors.Count switch
        {
            0 => string.Empty,
            1 => factors[0].RuleId,
            2 => string.Concat(factors[0].RuleId, "; ", factors[1].RuleId),
            _ => string.Concat(factors[0].RuleId, "; ", factors[1].RuleId, "; ", factors[2].RuleId),
        };
    }

    protected static string? Expansion(ScoredRow row) =>
        row.BestExpansion is { } e ? $"{e.Type}: {e.Product}" : null;

    /// <summary>
    /// Writes a number rounded half away from zero to <paramref name="decimals"/>, without making a string. The shortest
    /// text that reads back as the rounded double has at most that many decimals, and no trailing zeros.
    /// </summary>
    protected static void WriteNumber(TextWriter writer, double value, int decimals)
    {
        Span<char> text = stackalloc char[32];
        Round(value, decimals).TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        writer.Write(text[..length]);
    }

    private sealed class Csv(TextWriter writer) : ScoreWriter(writer)
    {
        public override void Write(ScoredRow row)
        {
            var w = Writer;
            CsvText.WriteText(w, row.Row.Id);
            w.Write(',');
            if (row.Health.HasScore)
            {
                WriteNumber(w, row.Health.Value, 2);
                w.Write(',');
                CsvText.WriteText(w, row.Health.Band.Label);
            }
            else
            {
                w.Write(',');
            }

            w.Write(',');
            WriteNumber(w, row.Health.Coverage, 3);
            w.Write(',');
            w.Write(row.Churn.Level.ToString());
            w.Write(',');
            WriteNumber(w, row.Churn.RiskScore, 1);
            w.Write(',');
            CsvText.WriteText(w, TopFactors(row));
            w.Write(',');
            if (row.Churn.DaysToRenewal is { } days)
            {
                Span<char> text = stackalloc char[12];
                days.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
                w.Write(text[..length]);
            }

            w.Write(',');
            CsvText.WriteText(w, Expansion(row));
            w.WriteLine();
        }
    }

    private sealed class JsonLines(TextWriter writer) : ScoreWriter(writer)
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(512);
        private char[] _chars = new char[512];

        public override void Write(ScoredRow row)
        {
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer))
            {
                json.WriteStartObject();
                json.WriteString("id", row.Row.Id);
                if (row.Health.HasScore)
                {
                    json.WriteNumber("health_score", Round(row.Health.Value, 2));
                    json.WriteString("band", row.Health.Band.Label);
                }
                else
                {
                    json.WriteNull("health_score");
                    json.WriteNull("band");
                }

                json.WriteNumber("coverage", Round(row.Health.Coverage, 3));
                json.WriteString("churn_level", row.Churn.Level.ToString());
                json.WriteNumber("risk_score", Round(row.Churn.RiskScore, 1));
                json.WriteStartArray("top_factors");
                foreach (var factor in row.Churn.Factors.Take(3))
                {
                    json.WriteStringValue(factor.RuleId);
                }

                json.WriteEndArray();
                if (row.Churn.DaysToRenewal is { } days)
                {
                    json.WriteNumber("days_to_renewal", days);
                }
                else
                {
                    json.WriteNull("days_to_renewal");
                }

                if (Expansion(row) is { } expansion)
                {
                    json.WriteString("best_expansion", expansion);
                }
                else
                {
                    json.WriteNull("best_expansion");
                }

                json.WriteEndObject();
            }

            var bytes = _buffer.WrittenSpan;
            if (_chars.Length < bytes.Length)
            {
                _chars = new char[bytes.Length * 2];
            }

            var count = Encoding.UTF8.GetChars(bytes, _chars);
            Writer.Write(_chars, 0, count);
            Writer.WriteLine();
        }
    }
}
