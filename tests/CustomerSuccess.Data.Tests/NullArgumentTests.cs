using System;
using System.IO;
using System.Threading.Tasks;
using CustomerSuccess.Health;
using Xunit;

namespace CustomerSuccess.Data.Tests;

public sealed class NullArgumentTests
{
    private static readonly IHealthScoreModel Model = HealthScoreModels.UsageEngagementSupport;

    [Fact]
    public async Task EveryMethod_ANullModelOrStream_IsAnArgumentNullExceptionNamingIt()
    {
        using var stream = new MemoryStream();

        Assert.Equal("model", (await Assert.ThrowsAsync<ArgumentNullException>(() => ParquetHealth.CountBandsAsync(null!, stream))).ParamName);
        Assert.Equal("input", (await Assert.ThrowsAsync<ArgumentNullException>(() => ParquetHealth.CountBandsAsync(Model, null!))).ParamName);
        Assert.Equal("output", (await Assert.ThrowsAsync<ArgumentNullException>(() => ParquetHealth.ScoreAsync(Model, stream, null!))).ParamName);
        Assert.Equal("model", (await Assert.ThrowsAsync<ArgumentNullException>(() => ArrowHealth.CountBandsAsync(null!, stream))).ParamName);
        Assert.Equal("input", (await Assert.ThrowsAsync<ArgumentNullException>(() => ArrowHealth.ScoreAsync(Model, null!, stream))).ParamName);
        Assert.Equal("output", (await Assert.ThrowsAsync<ArgumentNullException>(() => ArrowHealth.ScoreAsync(Model, stream, null!))).ParamName);
        var assessor = new CustomerSuccess.Churn.RuleBasedChurnRiskAssessor();
        var asOf = new NodaTime.LocalDate(2026, 11, 22);
        Assert.Equal("assessor", (await Assert.ThrowsAsync<ArgumentNullException>(() => ParquetChurn.AssessAsync(null!, asOf, stream, stream))).ParamName);
        Assert.Equal("input", (await Assert.ThrowsAsync<ArgumentNullException>(() => ParquetChurn.AssessAsync(assessor, asOf, null!, stream))).ParamName);
        Assert.Equal("output", (await Assert.ThrowsAsync<ArgumentNullException>(() => ArrowChurn.AssessAsync(assessor, asOf, stream, null!))).ParamName);
        Assert.Equal("assessor", (await Assert.ThrowsAsync<ArgumentNullException>(() => ArrowChurn.AssessAsync(null!, asOf, stream, stream))).ParamName);
        Assert.Equal("input", (await Assert.ThrowsAsync<ArgumentNullException>(async () =>
        {
            await foreach (var unused in ArrowHealth.ReadComponentsAsync(Model, null!))
            {
            }
        })).ParamName);
        Assert.Equal("model", (await Assert.ThrowsAsync<ArgumentNullException>(async () =>
        {
            await foreach (var unused in ParquetHealth.ReadComponentsAsync(null!, stream))
            {
            }
        })).ParamName);
    }
}
