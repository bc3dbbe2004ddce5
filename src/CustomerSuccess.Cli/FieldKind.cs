namespace CustomerSuccess.Cli;

/// <summary>How an input field's text is parsed.</summary>
internal enum FieldKind
{
    Text,
    Number,
    Integer,
    Money,
    Date,
    Boolean,
}
