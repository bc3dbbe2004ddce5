using Microsoft.Extensions.Options;

namespace CustomerSuccess.DependencyInjection;

/// <summary>Validates <see cref="CustomerSuccessOptions"/>, listing every problem with its configuration path.</summary>
internal sealed class CustomerSuccessOptionsValidator(string path) : IValidateOptions<CustomerSuccessOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomerSuccessOptions options)
    {
        var problems = OptionsCompiler.Problems(options, path);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
