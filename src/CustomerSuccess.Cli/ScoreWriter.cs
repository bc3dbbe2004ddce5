using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CustomerSuccess.Churn;
using CustomerSuccess.Expansion;

namespace CustomerSuccess.Cli;

/// <summary>
/// The output columns that depend on the input: a name, an ARR (and the ARR at risk), a currency; a parent (and its
/// roll-up) when the input has a <c>parent_id</c> column; the profile and stage with <c>--profiles</c>.
/// </summary>
internal sealed record ScoreColumns(bool Name, bool Arr, bool Currency, string? DefaultCurrency, bool Parent = false, bool Profile = false)
{
    /// <summary>The roll-up columns of a parent's row, last: empty on a row with no account under it.</summary>
    public static IReadOnlyList<string> RollUpNames { get; } =
        ["rollup_members", "rollup_arr", "rollup_health_score", "rollup_band", "rollup_churn_level", "rollup_renewal_date"];

    /// <summary>Every column, the ones the input decides included, in order.</summary>
    public IReadOnlyList<string> Names =>
    [
        "id", .. Name ? ["name"] : Array.Empty<string>(), .. Parent ? ["parent_id"] : Array.Empty<string>(), "health_score", "band", "coverage",
        .. Profile ? ["profile", "stage"] : Array.Empty<string>(), "churn_level", "risk_score", "priority",
        "top_factors", "days_to_renewal", .. Arr ? ["arr", "arr_at_risk"] : Array.Empty<string>(), .. Currency ? ["currency"] : Array.Empty<string>(), "best_expansion",
        .. Parent ? RollUpNames : Array.Empty<string>(),
    ];
}

/// <summary>Writes one output row per scored customer, as CSV or JSON Lines. Not thread-safe: one per thread.</summary>
internal abstract class ScoreWriter(TextBuffer writer, ScoreColumns columns)
{
    protected TextBuffer Writer { get; } = writer;

    protected ScoreColumns Columns { get; } = columns;

    /// <summary>A writer of rows (not the header) in a format, csv or jsonl, into a scoring thread's buffer.</summary>
    public static ScoreWriter Create(string format, TextBuffer text, ScoreColumns columns) =>
        format == "jsonl" ? new JsonLines(text, columns) : new Csv(text, columns);

    /// <summary>Writes what comes before the rows: the CSV header; nothing for JSON Lines.</summary>
    public static void WriteHeader(string format, TextWriter writer, ScoreColumns columns)
    {
        if (format != "jsonl")
        {
            writer.WriteLine(string.Join(",", columns.Names));
        }
    }

    /// <summary>The row's currency: its own, or the run's.</summary>
    protected string? CurrencyOf(in ScoredRow row) => row.Row.Currency ?? Columns.DefaultCurrency;

    /// <summary>
    /// Writes an amount as the shortest text of its decimal value: no exponent, no trailing zeros after the point. From
    /// the decimal's digits and scale when they fit 64 bits (every amount the tool reads), without the framework's
    /// general decimal formatting.
    /// </summary>
    internal static void WriteAmount(TextBuffer writer, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var text = writer.GetSpan(40);
        int written;
        if (bits[2] != 0)
        {
            value.TryFormat(text, out written, default, CultureInfo.InvariantCulture);
        }
        else
        {
            var digits = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            written = 0;
            if (bits[3] < 0 && digits != 0)
            {
                text[written++] = '-';
            }

            while (scale > 0 && digits % 10 == 0)
            {
                digits /= 10;
                scale--;
            }

            Span<char> reversed = stackalloc char[24];
            var count = 0;
            do
            {
                reversed[count++] = (char)('0' + (int)(digits % 10));
                digits /= 10;
            }
            while (digits != 0 || count <= scale);

            for (var i = count - 1; i >= 0; i--)
            {
                if (i == scale - 1)
                {
                    text[written++] = '.';
                }

                text[written++] = reversed[i];
            }
        }

        if (text[..written].Contains('.'))
        {
            written = text[..written].TrimEnd('0').TrimEnd('.').Length;
        }

        writer.Advance(written);
    }

    public abstract void Write(in ScoredRow row);

    /// <summary>Writes a string property, or null.</summary>
    internal static void WriteOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>Writes a number property, or null.</summary>
    internal static void WriteOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>The roll-up cells of a row with no account under it, written as they are for every such row.</summary>
    private static readonly string NoRollUpCsv = new(',', ScoreColumns.RollUpNames.Count);

    private static readonly string NoRollUpJson = string.Concat(ScoreColumns.RollUpNames.Select(name => $",\"{name}\":null"));

    /// <summary>
    /// Writes a held row's text with its roll-up cells last (<see cref="ScoreColumns.RollUpNames"/>): a parent's
    /// members, ARR, health, band, churn level and earliest renewal; empty (or null) for an account with none under it.
    /// </summary>
    public static void WriteRollUp(string format, TextBuffer writer, string rowText, Portfolio.AccountRollUp? rollUp)
    {
        var text = rowText.AsSpan().TrimEnd("\r\n");
        var c = CultureInfo.InvariantCulture;
        if (format == "jsonl")
        {
            writer.Write(text[..^1]);
            if (rollUp is null)
            {
                writer.Write(NoRollUpJson);
            }
            else
            {
                writer.Write(string.Create(c, $",\"rollup_members\":{rollUp.Members.Count},\"rollup_arr\":{rollUp.AnnualRecurringRevenue}"));
                writer.Write(rollUp.Health.HasScore
                    ? string.Create(c, $",\"rollup_health_score\":{Round(rollUp.Health.Value, 2)},\"rollup_band\":{JsonSerializer.Serialize(rollUp.Health.Band.Label)}")
                    : ",\"rollup_health_score\":null,\"rollup_band\":null");
                writer.Write(rollUp.ChurnLevel is { } level ? $",\"rollup_churn_level\":\"{level}\"" : ",\"rollup_churn_level\":null");
                writer.Write(rollUp.EarliestRenewal is { } date ? string.Create(c, $",\"rollup_renewal_date\":\"{date:uuuu-MM-dd}\"") : ",\"rollup_renewal_date\":null");
            }

            writer.Write('}');
            writer.WriteLine();
            return;
        }

        writer.Write(text);
        if (rollUp is null)
        {
            writer.Write(NoRollUpCsv);
        }
        else
        {
            writer.Write(string.Create(c, $",{rollUp.Members.Count},"));
            WriteAmount(writer, rollUp.AnnualRecurringRevenue);
            writer.Write(',');
            if (rollUp.Health.HasScore)
            {
                WriteNumber(writer, rollUp.Health.Value, 2);
                writer.Write(',');
                CsvText.WriteText(writer, rollUp.Health.Band.Label);
            }
            else
            {
                writer.Write(',');
            }

            writer.Write(',');
            writer.Write(rollUp.ChurnLevel?.ToString());
            writer.Write(',');
            writer.Write(rollUp.EarliestRenewal is { } date ? date.ToString("uuuu-MM-dd", c) : null);
        }

        writer.WriteLine();
    }

    private static ReadOnlySpan<double> Scales => [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

    /// <summary>
    /// Output precision: half away from zero on the decimal value a reader sees, not on the double's binary value:
    /// 64.725 (stored as 64.72499999999999…) prints 64.73. Values near a midpoint go through <see cref="decimal"/>
    /// (15 significant digits, the shortest text of nearly every double a scorer produces); the rest round as doubles.
    /// </summary>
    public static double Round(double value, int decimals)
    {
        var scaled = value * Scales[decimals];
        if (Math.Abs(Math.Abs(scaled - Math.Truncate(scaled)) - 0.5) < 1e-6 && Math.Abs(value) < 1e15)
        {
            return (double)Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero);
        }

        return Math.Round(value, decimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>The top factors cell: up to three rule ids, most severe first, joined with "; ".</summary>
    protected static int TopFactors(in ChurnRiskBrief churn, Span<char> text)
    {
        var length = 0;
        for (var rank = 0; rank < churn.FactorIdCount; rank++)
        {
            if (rank > 0)
            {
                "; ".CopyTo(text[length..]);
                length += 2;
            }

            var id = churn.FactorId(rank);
            id.CopyTo(text[length..]);
            length += id.Length;
        }

        return length;
    }

    /// <summary>The room <see cref="TopFactors"/> needs.</summary>
    protected static int TopFactorsLength(in ChurnRiskBrief churn)
    {
        var length = 0;
        for (var rank = 0; rank < churn.FactorIdCount; rank++)
        {
            length += churn.FactorId(rank).Length + 2;
        }

        return length;
    }

    /// <summary>The best expansion cell's text, "Type: Product".</summary>
    protected static string ExpansionText(ExpansionOpportunityBrief e) => $"{e.Type}: {e.Product}";

    /// <summary>
    /// Writes a number rounded half away from zero to <paramref name="decimals"/> (at most 3) exactly as the shortest
    /// round-trip text of the rounded double reads, without making a string: below a billion that text is the rounded
    /// value's digits with trailing zeros dropped, because two different values of at most three decimals are further
    /// apart than two neighbouring doubles there.
    /// </summary>
    public static void WriteNumber(TextBuffer writer, double value, int decimals)
    {
        var rounded = Round(value, decimals);
        var text = writer.GetSpan(32);
        if (!(Math.Abs(rounded) < 1e9))
        {
            rounded.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
            writer.Advance(written);
            return;
        }

        var scale = decimals switch { 0 => 1u, 1 => 10u, 2 => 100u, _ => 1000u };
        var units = (ulong)Math.Round(Math.Abs(rounded) * scale);
        var length = 0;
        if (double.IsNegative(rounded))
        {
            text[length++] = '-';
        }

        // The whole part's digits, then the fraction's without its trailing zeros.
        var whole = (uint)(units / scale);
        var fraction = (uint)(units % scale);
        Span<char> reversed = stackalloc char[10];
        var digits = 0;
        do
        {
            reversed[digits++] = (char)('0' + (whole % 10));
            whole /= 10;
        }
        while (whole != 0);

        while (digits > 0)
        {
            text[length++] = reversed[--digits];
        }

        if (fraction != 0)
        {
            text[length++] = '.';
            for (var unit = scale / 10; fraction != 0; unit /= 10)
            {
                text[length++] = (char)('0' + (fraction / unit));
                fraction %= unit;
            }
        }

        writer.Advance(length);
    }

    private sealed class Csv(TextBuffer text, ScoreColumns columns) : ScoreWriter(text, columns)
    {
        private char[] _cell = new char[256];

        public override void Write(in ScoredRow row)
        {
            var w = Writer;
            CsvText.WriteText(w, row.Row.Id);
            w.Write(',');
            if (Columns.Name)
            {
                CsvText.WriteText(w, row.Row.Name);
                w.Write(',');
            }

            if (Columns.Parent)
            {
                CsvText.WriteText(w, row.Row.ParentId);
                w.Write(',');
            }

            var health = row.Health;
            if (health.HasScore)
            {
                WriteNumber(w, health.Value, 2);
                w.Write(',');
                CsvText.WriteText(w, health.Band.Label);
            }
            else
            {
                w.Write(',');
            }

            w.Write(',');
            WriteNumber(w, health.Coverage, 3);
            w.Write(',');
            if (Columns.Profile)
            {
                CsvText.WriteText(w, row.Row.Profile);
                w.Write(',');
                CsvText.WriteText(w, row.Row.Stage?.ToString());
                w.Write(',');
            }

            w.Write(LevelName(row.Churn.Level));
            w.Write(',');
            WriteNumber(w, row.Churn.RiskScore, 1);
            w.Write(',');
            WriteNumber(w, row.Churn.PriorityScore, 1);
            w.Write(',');
            var needed = TopFactorsLength(row.Churn);
            if (_cell.Length < needed)
            {
                _cell = new char[needed * 2];
            }

            CsvText.WriteText(w, _cell.AsSpan(0, TopFactors(row.Churn, _cell)));
            w.Write(',');
            if (row.Churn.DaysToRenewal is { } days)
            {
                var digits = w.GetSpan(12);
                days.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
                w.Advance(length);
            }

            w.Write(',');
            if (Columns.Arr)
            {
                if (row.Churn.AnnualRecurringRevenue is { } arr)
                {
                    WriteAmount(w, arr);
                    w.Write(',');
                    WriteAmount(w, row.Churn.ArrAtRisk!.Value);
                }
                else
                {
                    w.Write(',');
                }

                w.Write(',');
            }

            if (Columns.Currency)
            {
                CsvText.WriteText(w, CurrencyOf(row));
                w.Write(',');
            }

            if (row.BestExpansion is { } e)
            {
                var type = TypeName(e.Type);
                var cell = type.Length + 2 + e.Product.Length;
                if (_cell.Length < cell)
                {
                    _cell = new char[cell * 2];
                }

                type.CopyTo(_cell);
                ": ".CopyTo(_cell.AsSpan(type.Length));
                e.Product.CopyTo(_cell.AsSpan(type.Length + 2));
                CsvText.WriteText(w, _cell.AsSpan(0, cell));
            }

            w.WriteLine();
        }

        private static string LevelName(ChurnRiskLevel level) => level switch
        {
            ChurnRiskLevel.Low => nameof(ChurnRiskLevel.Low),
            ChurnRiskLevel.Medium => nameof(ChurnRiskLevel.Medium),
            ChurnRiskLevel.High => nameof(ChurnRiskLevel.High),
            ChurnRiskLevel.Critical => nameof(ChurnRiskLevel.Critical),
            _ => level.ToString(),
        };

        private static string TypeName(ExpansionOpportunityType type) => type switch
        {
            ExpansionOpportunityType.Seats => nameof(ExpansionOpportunityType.Seats),
            ExpansionOpportunityType.Storage => nameof(ExpansionOpportunityType.Storage),
            ExpansionOpportunityType.PlanUpgrade => nameof(ExpansionOpportunityType.PlanUpgrade),
            ExpansionOpportunityType.CrossSell => nameof(ExpansionOpportunityType.CrossSell),
            ExpansionOpportunityType.Referral => nameof(ExpansionOpportunityType.Referral),
            _ => type.ToString(),
        };
    }

    private sealed class JsonLines(TextBuffer writer, ScoreColumns columns) : ScoreWriter(writer, columns)
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(512);
        private char[] _chars = new char[512];

        public override void Write(in ScoredRow row)
        {
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer))
            {
                json.WriteStartObject();
                json.WriteString("id", row.Row.Id);
                if (Columns.Name)
                {
                    WriteOrNull(json, "name", row.Row.Name);
                }

                if (Columns.Parent)
                {
                    WriteOrNull(json, "parent_id", row.Row.ParentId);
                }

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
                if (Columns.Profile)
                {
                    WriteOrNull(json, "profile", row.Row.Profile);
                    WriteOrNull(json, "stage", row.Row.Stage?.ToString());
                }

                json.WriteString("churn_level", row.Churn.Level.ToString());
                json.WriteNumber("risk_score", Round(row.Churn.RiskScore, 1));
                json.WriteNumber("priority", Round(row.Churn.PriorityScore, 1));
                json.WriteStartArray("top_factors");
                for (var rank = 0; rank < row.Churn.FactorIdCount; rank++)
                {
                    json.WriteStringValue(row.Churn.FactorId(rank));
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

                if (Columns.Arr)
                {
                    if (row.Churn.AnnualRecurringRevenue is { } arr)
                    {
                        json.WriteNumber("arr", arr);
                        json.WriteNumber("arr_at_risk", row.Churn.ArrAtRisk!.Value);
                    }
                    else
                    {
                        json.WriteNull("arr");
                        json.WriteNull("arr_at_risk");
                    }
                }

                if (Columns.Currency)
                {
                    WriteOrNull(json, "currency", CurrencyOf(row));
                }

                if (row.BestExpansion is { } expansion)
                {
                    json.WriteString("best_expansion", ExpansionText(expansion));
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
