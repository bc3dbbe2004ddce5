using System;
using System.Text;

namespace CustomerSuccess.Cli;

/// <summary>Small helpers for input text kept as UTF-8 bytes.</summary>
internal static class Utf8Text
{
    /// <summary>The ASCII white space a field's value is trimmed of.</summary>
    public static ReadOnlySpan<byte> WhiteSpace => " \t\r\n\v\f"u8;

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text) => text.Trim(WhiteSpace);

    public static string ToText(ReadOnlySpan<byte> text) => Encoding.UTF8.GetString(text);
}
