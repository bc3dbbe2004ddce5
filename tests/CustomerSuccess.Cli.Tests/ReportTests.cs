using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>
/// The <c>report</c> command's HTML page: self-contained, every figure equal to the JSON summary's, and (in headless
/// Chromium) rendered without an error, its charts drawn, and a screenshot taken.
/// </summary>
public sealed partial class ReportTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Report_IsSelfContained_AndEveryFigureOnThePageIsTheJsonSummarys()
    {
        var (html, json) = await ReportAndSummary();

        Assert.DoesNotMatch(@"(?i)\b(src|href)\s*=", html);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);

        var figures = Figures().Matches(html);
        Assert.True(figures.Count >= 40, $"only {figures.Count} figures are marked");
        using var summary = JsonDocument.Parse(json);
        foreach (Match figure in figures)
        {
            var path = WebUtility.HtmlDecode(figure.Groups["path"].Value);
            var value = WebUtility.HtmlDecode(figure.Groups["value"].Value);
            var expected = Resolve(summary.RootElement, path);
            if (expected.ValueKind == JsonValueKind.Number)
            {
                Assert.True(Math.Abs(expected.GetDouble() - double.Parse(value, CultureInfo.InvariantCulture)) <= 1e-9 * Math.Max(1, Math.Abs(expected.GetDouble())),
                    $"{path}: the page shows {value}, the JSON has {expected}");
            }
            else
            {
                Assert.Equal(expected.GetString(), value);
            }
        }

        // The marked figures cover the report's headline numbers.
        foreach (var path in new[] { "portfolio.customers.total_managed", "portfolio.health.share_green", "portfolio.churn.total_arr", "nps_confidence_interval.score", "nps_confidence_interval.lower", "renewals.due", "call_first[9].id", "portfolio.churn.levels.Critical" })
        {
            Assert.Contains(figures, f => f.Groups["path"].Value == path);
        }
    }

    [Fact]
    public async Task Report_EscapesWhatTheInputSays()
    {
        var input = _cli.Write("escape.csv", "id,name,usage,champion_leaving,arr\nA<1>,<script>alert(1)</script>,20,true,100\n");
        var output = _cli.PathOf("escape.html");
        var result = await _cli.Run("report", input, "--as-of", "2026-11-22", "--output", output);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var html = File.ReadAllText(output);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; (A&lt;1&gt;)", html, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task Report_RendersInHeadlessChromium_WithoutErrors_AndItsChartsDrawn()
    {
        var (html, _) = await ReportAndSummary();
        var page = _cli.PathOf("report.html");
        var dom = Chromium(out var log, "--enable-logging=stderr", "--v=0", "--dump-dom", new Uri(page).AbsoluteUri);

        var charts = Regex.Count(html, "<svg ");
        Assert.Contains($"data-check=\"rendered {charts} charts\"", dom, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"CONSOLE|Uncaught", log);

        var screenshot = _cli.PathOf("report.png");
        Chromium(out _, "--window-size=1100,3400", $"--screenshot={screenshot}", new Uri(page).AbsoluteUri);
        var png = File.ReadAllBytes(screenshot);
        Assert.True(png.Length > 10_000 && png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }));
        if (Environment.GetEnvironmentVariable("CUSTOMER_SUCCESS_UPDATE_SCREENSHOT") == "1")
        {
            File.Copy(screenshot, Path.Combine(CliHarness.RepositoryRoot, "docs", "images", "report.png"), overwrite: true);
        }
    }

    /// <summary>The path of Debian's Chromium, or null when it is not installed.</summary>
    internal static string? ChromiumPath => File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    [GeneratedRegex("data-figure=\"(?<path>[^\"]+)\" data-value=\"(?<value>[^\"]*)\"")]
    private static partial Regex Figures();

    private async Task<(string Html, string Json)> ReportAndSummary()
    {
        var page = _cli.PathOf("report.html");
        var report = await _cli.Run("report", CliHarness.SampleFile, "--as-of", "2026-11-22", "--output", page);
        Assert.Equal(ExitCodes.Success, report.ExitCode);
        var summary = await _cli.Run("summary", CliHarness.SampleFile, "--as-of", "2026-11-22", "--format", "json");
        Assert.Equal(ExitCodes.Success, summary.ExitCode);
        return (File.ReadAllText(page), summary.Out);
    }

    /// <summary>A value of the summary's JSON by its path: <c>a.b[2].c</c>, <c>a["At Risk"]</c>.</summary>
    private static JsonElement Resolve(JsonElement root, string path)
    {
        var element = root;
        foreach (Match part in Regex.Matches(path, "\\[(\\d+)\\]|\\[\"([^\"]+)\"\\]|([^.\\[\\]]+)"))
        {
            element = part.Groups[1].Success ? element[int.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture)]
                : element.GetProperty(part.Groups[2].Success ? part.Groups[2].Value : part.Groups[3].Value);
        }

        return element;
    }

    /// <summary>Runs headless Chromium as the machine allows it (no sandbox as root, no network), with a profile of its own.</summary>
    private string Chromium(out string log, params string[] arguments)
    {
        var start = new ProcessStartInfo(ChromiumPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={_cli.PathOf("chromium-profile-" + Guid.NewGuid().ToString("N"))}",
        }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "Chromium did not finish in two minutes");
        log = stderr.Result;
        return stdout;
    }
}

/// <summary>
/// A test that needs Chromium: skipped where it is not installed (a machine with only the .NET SDK), run where it is;
/// with CUSTOMER_SUCCESS_BROWSER_TESTS=required (as in CI) a missing Chromium fails instead of skipping.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (ReportTests.ChromiumPath is null && Environment.GetEnvironmentVariable("CUSTOMER_SUCCESS_BROWSER_TESTS") != "required")
        {
            Skip = "needs Chromium (/usr/bin/chromium: apt-get install chromium)";
        }
    }
}
