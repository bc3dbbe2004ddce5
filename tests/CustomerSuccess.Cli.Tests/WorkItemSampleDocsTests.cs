using System;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>The three-night sample's output, played on the sample data, is what docs/work-items.md shows.</summary>
public sealed class WorkItemSampleDocsTests
{
    [Fact]
    public void TheThreeNightsSample_PrintsWhatThePageShows()
    {
        using var output = new StringWriter { NewLine = "\n" };
        CustomerSuccess.Samples.WorkItems.Program.Run(File.ReadAllLines(CliHarness.SampleFile), output);

        var page = File.ReadAllText(Path.Combine(CliHarness.RepositoryRoot, "docs", "work-items.md")).ReplaceLineEndings("\n");
        var shown = Regex.Match(page, "## Three nights\n.*?```text\n(.*?)```", RegexOptions.Singleline);
        Assert.True(shown.Success, "the page has no text block under 'Three nights'");
        Assert.Equal(shown.Groups[1].Value.TrimEnd(), output.ToString().TrimEnd());
        Assert.Contains("closed     churn-factor|C000003|churn-level-critical|2026-11-23  ConditionCleared", shown.Groups[1].Value, StringComparison.Ordinal);
    }
}
