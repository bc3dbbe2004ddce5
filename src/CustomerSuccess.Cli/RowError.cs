namespace CustomerSuccess.Cli;

/// <summary>A rejected input row: where, which column, what value, and why.</summary>
internal sealed record RowError(long Line, string Column, string Value, string Reason)
{
    public override string ToString() => $"line {Line}, column '{Column}', value '{Value}': {Reason}";
}
