using System;
using System.Globalization;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>How the tool reads numbers, amounts and dates under a culture, date formats and a time zone.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class CellReaderTests
{
    private static readonly string[] Cultures = ["", "en-US", "de-DE", "fr-FR", "en-IN", "de-CH", "ja-JP"];

    private static CellReader Reader(string culture = "", string? currency = null, string zone = "UTC", params string[] formats) =>
        new(new ReadingOptions(CultureInfo.GetCultureInfo(culture), formats, DateTimeZoneProviders.Tzdb[zone], currency));

    [Property]
    public Property AnAmountAsACultureWritesIt_ReadsBackAsTheSameAmount() =>
        Prop.ForAll(
            (from culture in Gen.Elements(Cultures)
             from cents in Gen.Choose(0, int.MaxValue).Select(c => (long)c * 7919 % 100_000_000_000L)
             from format in Gen.Elements("N2", "C2", "N0", "F2", "#,0.##")
             select (culture, amount: format == "N0" ? cents / 100 : cents / 100m, format)).ToArbitrary(),
            c =>
            {
                var text = c.amount.ToString(c.format, CultureInfo.GetCultureInfo(c.culture));
                Assert.True(Reader(c.culture).TryAmount(text, out var read), $"'{text}' in '{c.culture}' was not read");
                Assert.Equal(c.amount, read);
            });

    [Property]
    public Property ANumberAsACultureWritesIt_ReadsTheSameInEveryKindOfColumn() =>
        Prop.ForAll(
            (from culture in Gen.Elements(Cultures)
             from whole in Gen.Choose(0, 50_000_000)
             select (culture, whole)).ToArbitrary(),
            c =>
            {
                var reader = Reader(c.culture);
                var text = c.whole.ToString("N0", CultureInfo.GetCultureInfo(c.culture));
                Assert.True(reader.TryInt32(text, out var asInteger));
                Assert.True(reader.TryDouble(text, out var asNumber));
                Assert.True(reader.TryAmount(text, out var asAmount));
                Assert.Equal((c.whole, (double)c.whole, (decimal)c.whole), (asInteger, asNumber, asAmount));
            });

    [Theory]
    [InlineData("", "1,200", 1200)]
    [InlineData("", "1,234,567.5", 1234567.5)]
    [InlineData("", "-1,200.25", -1200.25)]
    [InlineData("", "9.0", 9)]
    [InlineData("", "1e3", 1000)]
    [InlineData("de-DE", "1.234,5", 1234.5)]
    [InlineData("de-DE", "12,5", 12.5)]
    [InlineData("fr-FR", "1 234,5", 1234.5)]
    [InlineData("en-IN", "12,34,567", 1234567)]
    public void Numbers_InTheirCulture_AreRead(string culture, string text, double expected)
    {
        Assert.True(Reader(culture).TryDouble(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("", "12,00")]
    [InlineData("", "1,2,3")]
    [InlineData("", "1,,000")]
    [InlineData("", ",100")]
    [InlineData("", "1,000.5,0")]
    [InlineData("", "1.2.3")]
    [InlineData("", "5.")]
    [InlineData("", ".5")]
    [InlineData("", "$5")]
    [InlineData("", "NaN")]
    [InlineData("", "Infinity")]
    [InlineData("de-DE", "1,234.5")]
    [InlineData("en-IN", "1,234,567")]
    public void Numbers_ThatAreNotInTheCulturesFormat_AreNotRead(string culture, string text) =>
        Assert.False(Reader(culture).TryDouble(text, out _));

    [Theory]
    [InlineData("9.0", true, 9)]
    [InlineData("1,200", true, 1200)]
    [InlineData("9.5", false, 0)]
    [InlineData("12,00", false, 0)]
    [InlineData("3000000000", false, 0)]
    public void WholeNumbers_ReadAsEveryNumber_AndNeedNoFraction(string text, bool read, int expected)
    {
        Assert.Equal(read, Reader().TryInt32(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("en-US", null, "$45,500.00", 45500)]
    [InlineData("en-US", null, "-$12.50", -12.5)]
    [InlineData("en-US", null, "$ 7", 7)]
    [InlineData("de-DE", null, "45.500,00 €", 45500)]
    [InlineData("de-DE", "EUR", "EUR 45.500", 45500)]
    [InlineData("", "USD", "USD 1,000", 1000)]
    [InlineData("", "USD", "$1,000", 1000)]
    [InlineData("", "GBP", "£20", 20)]
    public void Amounts_MayCarryTheCulturesOrTheCurrencysSymbol(string culture, string? currency, string text, double expected)
    {
        Assert.True(Reader(culture, currency).TryAmount(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("en-US", null, "€5")]
    [InlineData("en-US", null, "$$5")]
    [InlineData("", "EUR", "$5")]
    [InlineData("en-US", null, "5 $ 5")]
    public void Amounts_WithAnotherSymbol_AreNotRead(string culture, string? currency, string text) =>
        Assert.False(Reader(culture, currency).TryAmount(text, out _));

    [Fact]
    public void Symbols_AreOnlyForAmounts() =>
        Assert.False(Reader("en-US").TryDouble("$5", out _));

    [Theory]
    [InlineData("2026-11-20", "UTC", "2026-11-20")]
    [InlineData("2026-11-20T14:33:00Z", "UTC", "2026-11-20")]
    [InlineData("2026-11-20 14:33", "UTC", "2026-11-20")]
    [InlineData("2026-11-20T14:33", "Asia/Tokyo", "2026-11-20")]
    [InlineData("2026-11-20T23:30:00-05:00", "UTC", "2026-11-21")]
    [InlineData("2026-11-20T23:30:00-05:00", "America/New_York", "2026-11-20")]
    [InlineData("2026-11-20T20:00:00Z", "Asia/Tokyo", "2026-11-21")]
    [InlineData("2026-11-20T20:00:00.123+00:00", "Europe/Berlin", "2026-11-20")]
    [InlineData("2026-11-20T23:00:00+0000", "Europe/Berlin", "2026-11-21")]
    public void Timestamps_AreTheirDateInTheTimeZone(string text, string zone, string expected)
    {
        var date = Reader(zone: zone).Date(text, out var problem);
        Assert.Null(problem);
        Assert.Equal(expected, date?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("01/02/2026", "ambiguous date: it reads as month first or day first; pass --date-format MM/dd/yyyy or --date-format dd/MM/yyyy")]
    [InlineData("11/18/2026", "pass --date-format MM/dd/yyyy")]
    [InlineData("18.11.2026", "pass --date-format dd.MM.yyyy")]
    [InlineData("2026-13-01", "not a date (yyyy-MM-dd or an ISO timestamp; pass --date-format for another format)")]
    [InlineData("2026-11-20T25:00", "not an ISO timestamp")]
    [InlineData("yesterday", "not a date")]
    public void Dates_NotISO_WithoutAFormat_SayWhatToPass_NeverAGuess(string text, string message)
    {
        Assert.Null(Reader().Date(text, out var problem));
        Assert.Contains(message, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_InTheGivenFormats_AreRead_AndTwoFormatsThatDisagreeAreAnError()
    {
        var american = Reader("en-US", formats: "MM/dd/yyyy");
        Assert.Equal(new LocalDate(2026, 1, 2), american.Date("01/02/2026", out _));
        Assert.Equal(new LocalDate(2026, 11, 18), american.Date("11/18/2026", out _));
        Assert.Equal(new LocalDate(2026, 11, 18), american.Date("2026-11-18", out _));
        Assert.Null(american.Date("18/11/2026", out var problem));
        Assert.Contains("MM/dd/yyyy", problem, StringComparison.Ordinal);

        var both = Reader(formats: ["MM/dd/yyyy", "dd/MM/yyyy"]);
        Assert.Equal(new LocalDate(2026, 11, 18), both.Date("18/11/2026", out _));
        Assert.Null(both.Date("01/02/2026", out problem));
        Assert.Equal("ambiguous date: MM/dd/yyyy reads it as 2026-01-02 and dd/MM/yyyy as 2026-02-01; pass only the --date-format the column uses", problem);
    }
}
