using System;
using System.IO;
using System.Linq;
using System.Reflection;
using CustomerSuccess.Health;
using Xunit;

namespace CustomerSuccess.Tests.PublicApi;

/// <summary>
/// The public surface of CustomerSuccess.Core is deliberate: it is listed in CustomerSuccess.Core.approved.txt,
/// and any change must update that listing in the same commit. On a mismatch the test writes the actual listing to
/// CustomerSuccess.Core.received.txt beside it; review the difference and copy it over the approved file.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void CoreAssembly_PublicSurface_MatchesTheApprovedListing()
    {
        var actual = PublicApiListing.For(typeof(IHealthScoreModel).Assembly);
        var folder = Folder();
        var approvedPath = Path.Combine(folder, "CustomerSuccess.Core.approved.txt");
        var receivedPath = Path.Combine(folder, "CustomerSuccess.Core.received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;

        if (!string.Equals(approved, actual, StringComparison.Ordinal))
        {
            File.WriteAllText(receivedPath, actual);
            Assert.Fail(
                $"The public surface changed. Review {receivedPath} and, if the change is deliberate, copy it over {approvedPath}."
                + Environment.NewLine + FirstDifference(approved, actual));
        }

        File.Delete(receivedPath);
    }

    private static string FirstDifference(string approved, string actual)
    {
        var a = approved.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(end)";
            var right = i < b.Length ? b[i] : "(end)";
            if (left != right)
            {
                return $"First difference at line {i + 1}:{Environment.NewLine}  approved: {left}{Environment.NewLine}  actual:   {right}";
            }
        }

        return string.Empty;
    }

    private static string Folder() =>
        Path.Combine(
            typeof(PublicApiTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!,
            "PublicApi");
}
