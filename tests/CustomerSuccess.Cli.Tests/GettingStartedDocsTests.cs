using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>
/// Every C# block of docs/getting-started.md is in the sample project CI builds and runs
/// (samples/CustomerSuccess.Samples.GettingStarted), as written: so every block compiles as given.
/// </summary>
public sealed class GettingStartedDocsTests
{
    [Fact]
    public void EveryCodeBlockOfThePage_IsInTheSampleProject_AsWritten()
    {
        var page = File.ReadAllText(Path.Combine(CliHarness.RepositoryRoot, "docs", "getting-started.md"));
        var sample = File.ReadAllLines(Path.Combine(CliHarness.RepositoryRoot, "samples", "CustomerSuccess.Samples.GettingStarted", "Program.cs"));
        var sampleUsings = sample.Where(l => l.StartsWith("using ", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var sampleCode = sample.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        var blocks = Regex.Matches(page, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= 5, $"the page has {blocks.Count} C# blocks");
        foreach (var block in blocks)
        {
            var lines = block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            foreach (var usingLine in lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal) && l.EndsWith(';') && !l.Contains('=', StringComparison.Ordinal) && !l.StartsWith("using var", StringComparison.Ordinal)))
            {
                Assert.True(sampleUsings.Contains(usingLine), $"the sample lacks '{usingLine}'");
            }

            var code = lines.Where(l => !(l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("using var", StringComparison.Ordinal))).ToList();
            var at = Enumerable.Range(0, sampleCode.Count - code.Count + 1).FirstOrDefault(i => sampleCode.Skip(i).Take(code.Count).SequenceEqual(code), -1);
            Assert.True(at >= 0, $"this block of the page is not in the sample as written:\n{block}");
        }
    }
}
