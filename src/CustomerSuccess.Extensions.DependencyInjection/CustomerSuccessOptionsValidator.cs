using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.DependencyInjection;

/// <summary>Validates <see cref="CustomerSuccessOptions"/>, listing every problem with its configuration path.</summary>
internal sealed class CustomerSuccessOptionsValidator(string path, IConfigurationSection? section) : IValidateOptions<CustomerSuccessOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomerSuccessOptions options)
    {
        // Entries that do not convert were not bound: they are the problems, each with its path.
        var problems = section is null ? [] : ConfigurationCheck.Problems(section, typeof(CustomerSuccessOptions));
        if (problems.Count == 0)
        {
            problems = OptionsCompiler.Problems(options, path);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
