namespace CustomerSuccess.Cli;

/// <summary>A rejected input row: where, which column, what value (echoed safely, see <see cref="Echo"/>), and why.</summary>
internal sealed record RowError(long Line, string Column, string Value, string Reason)
{
    public string Column { get; } = Echo.Of(Column);

    public string Value { get; } = Echo.Of(Value);

    public override string ToString() => $"line {Line}, column '{Column}', value '{Value}': {Reason}";
}
