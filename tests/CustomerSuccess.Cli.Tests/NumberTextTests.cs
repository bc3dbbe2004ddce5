using System;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>The tool's number parsing and formatting, checked against the framework's on random and edge texts.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class NumberTextTests
{
    /// <summary>Number-like texts: plain decimals of every length (the fast path and beyond it) and forms only the framework reads.</summary>
    private static readonly Gen<string> NumberTexts = Gen.OneOf(
        from negative in Gen.Elements(false, false, true)
        from whole in Gen.Choose(0, 20).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 9), n))
        from point in Gen.Elements(false, true, true)
        from fraction in Gen.Choose(0, 20).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 9), n))
        select (negative ? "-" : string.Empty) + string.Concat(whole) + (point ? "." : string.Empty) + string.Concat(fraction),
        Gen.Elements(
            "0", "-0", "-0.0", "0.000", "00012.50", "1e3", "1E-2", "+5", "1,234.5", " 7", "7 ", ".5", "5.", "-", ".", "",
            "NaN", "Infinity", "-Infinity", "0x10", "1-2", "--1", "2147483647", "2147483648", "-2147483648", "-2147483649",
            "999999999", "1000000000", "123456789012345", "1234567890123456", "0.1", "0.2", "0.3", "9007199254740993",
            "79228162514264337593543950335", "79228162514264337593543950336", "1.7976931348623157E+308", "4.9E-324"));

    [Property]
    public Property TryParseDouble_EqualsTheFrameworksParser_ToTheLastBit() =>
        Prop.ForAll(NumberTexts.ToArbitrary(), text =>
        {
            var ours = PlainNumber.TryParseDouble(text, out var a);
            var theirs = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var b);
            return ours == theirs && BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
        });

    [Property]
    public Property TryParseInt32_EqualsTheFrameworksParser() =>
        Prop.ForAll(NumberTexts.ToArbitrary(), text =>
        {
            var ours = PlainNumber.TryParseInt32(text, out var a);
            var theirs = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var b);
            return ours == theirs && a == b;
        });

    [Property]
    public Property TryParseDecimal_EqualsTheFrameworksParser_ScaleIncluded() =>
        Prop.ForAll(NumberTexts.ToArbitrary(), text =>
        {
            var ours = PlainNumber.TryParseDecimal(text, out var a);
            var theirs = decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var b);
            return ours == theirs && decimal.GetBits(a).SequenceEqual(decimal.GetBits(b));
        });

    [Property]
    public Property WriteAmount_WritesTheDecimalsValue_WithoutTrailingZerosOrExponent() =>
        Prop.ForAll(
            (from digits in Gen.Choose(0, int.MaxValue).Select(d => (long)d * 1_000_003 % 1_000_000_000_000_000_000L)
             from scale in Gen.Choose(0, 8)
             from negative in Gen.Elements(false, true)
             from huge in Gen.Elements(false, false, false, true)
             select huge ? decimal.MaxValue / (scale + 1) : new decimal(digits) / (decimal)Math.Pow(10, scale) * (negative ? -1 : 1)).ToArbitrary(),
            value =>
            {
                var text = new TextBuffer();
                ScoreWriter.WriteAmount(text, value);
                Assert.Equal(value.ToString("0.############################", CultureInfo.InvariantCulture), text.Slice(0, text.Length).ToString());
            });

    [Property]
    public Property WriteNumber_WritesTheShortestTextOfTheRoundedValue() =>
        Prop.ForAll(
            (from value in Gen.OneOf(
                Gen.Choose(-2_000_000, 2_000_000).Select(i => i / 997.0),
                Gen.Choose(0, 100_000).Select(i => i / 1000.0),
                Gen.Choose(0, 20_000).Select(i => (i / 200.0) + 0.0025),
                Gen.Elements(0.0, -0.0, -0.0004, 0.0005, 2.675, 1.005, 999_999_999.9996, 1e9, -1e12, 1e300, double.NaN, double.PositiveInfinity, double.Epsilon))
            from decimals in Gen.Choose(0, 3)
            select (value, decimals)).ToArbitrary(),
            t =>
            {
                var buffer = new TextBuffer();
                ScoreWriter.WriteNumber(buffer, t.value, t.decimals);
                var expected = ScoreWriter.Round(t.value, t.decimals).ToString(CultureInfo.InvariantCulture);
                return buffer.Slice(0, buffer.Length).ToString() == expected;
            });

    [Theory]
    [InlineData(64.725, 2, 64.73)]
    [InlineData(-64.725, 2, -64.73)]
    [InlineData(2.675, 2, 2.68)]
    [InlineData(1.005, 2, 1.01)]
    [InlineData(0.125, 2, 0.13)]
    [InlineData(53.8875, 2, 53.89)]
    [InlineData(53.85, 1, 53.9)]
    [InlineData(64.724, 2, 64.72)]
    public void Round_HalfAwayFromZero_OnTheDecimalValue(double value, int decimals, double expected) =>
        Assert.Equal(expected, ScoreWriter.Round(value, decimals));

    [Property]
    public Property Round_EqualsDecimalRounding_OfTheTextAReaderSees() =>
        Prop.ForAll(
            (from units in Gen.Choose(-50_000_000, 50_000_000)
            from decimals in Gen.Choose(0, 3)
            select (units, decimals)).ToArbitrary(),
            t =>
            {
                var text = t.units / 1000m;                // at most three decimals, as a reader writes it
                var expected = (double)Math.Round(text, t.decimals, MidpointRounding.AwayFromZero);
                return ScoreWriter.Round((double)text, t.decimals) == expected;
            });

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("-5,\"x\"", "\"'-5,\"\"x\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    [InlineData("\uFF1D1+2", "'\uFF1D1+2")]      // full-width equals sign
    [InlineData("\uFF20SUM(A1)", "'\uFF20SUM(A1)")]
    [InlineData("\0=1+2", "'\0=1+2")]            // a leading NUL a spreadsheet drops
    [InlineData("-42", "-42")]                    // a plain negative id stays as it is
    [InlineData("+5", "+5")]
    [InlineData("-3.5", "-3.5")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("-", "'-")]
    [InlineData("-1,200.50", "\"-1,200.50\"")]   // a negative amount as read: no apostrophe
    [InlineData("-$5", "-$5")]
    [InlineData("-12,5 €", "\"-12,5 €\"")]
    [InlineData("-A1", "'-A1")]
    [InlineData("-2*3", "'-2*3")]
    [InlineData("+SUM(1)", "'+SUM(1)")]
    public void CsvText_QuotesAndDefusesCells(string value, string expected)
    {
        var buffer = new TextBuffer();
        CsvText.WriteText(buffer, value.AsSpan());
        Assert.Equal(expected, buffer.Slice(0, buffer.Length).ToString());
    }
}
