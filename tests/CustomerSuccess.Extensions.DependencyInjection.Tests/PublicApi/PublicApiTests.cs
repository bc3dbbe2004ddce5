using System;
using System.IO;
using System.Linq;
using System.Reflection;
using CustomerSuccess.Tests.PublicApi;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerSuccess.DependencyInjection.Tests.PublicApi;

/// <summary>
/// The public surface of CustomerSuccess.Extensions.DependencyInjection is listed in the approved file beside this
/// test; a change fails until the listing is updated in the same commit (the actual listing is written beside it).
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void DependencyInjectionAssembly_PublicSurface_MatchesTheApprovedListing()
    {
        var actual = PublicApiListing.For(typeof(CustomerSuccessServiceCollectionExtensions).Assembly);
        var root = typeof(PublicApiTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var folder = Path.Combine(root, "tests", "CustomerSuccess.Extensions.DependencyInjection.Tests", "PublicApi");
        var approvedPath = Path.Combine(folder, "CustomerSuccess.Extensions.DependencyInjection.approved.txt");
        var receivedPath = Path.Combine(folder, "CustomerSuccess.Extensions.DependencyInjection.received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;

        if (!string.Equals(approved, actual, StringComparison.Ordinal))
        {
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"The public surface changed. Review {receivedPath} and, if the change is deliberate, copy it over {approvedPath}.");
        }

        File.Delete(receivedPath);
    }
}
