using System;
using System.IO;
using System.Globalization;
using System.Text;

namespace CustomerSuccess.Cli;

/// <summary>
/// Input text made safe to show in a message or the errors file: control characters (ESC, BEL, C1 controls, ...) as
/// <c>\uXXXX</c> escapes, so no input can drive a terminal, and at most <see cref="MaxLength"/> characters, then "…",
/// so no message repeats a whole file.
/// </summary>
internal static class Echo
{
    /// <summary>The most characters of an input value a message shows.</summary>
    public const int MaxLength = 80;

    public static string Of(string text) => Of(text, MaxLength);

    /// <summary>The library's message of an exception, without the " (Parameter '…')" an argument exception adds: a user of the tool passed no parameter.</summary>
    public static string MessageOf(Exception e) =>
        e is ArgumentException { ParamName: { } p } ? e.Message.Replace($" (Parameter '{p}')", string.Empty, StringComparison.Ordinal) : e.Message;

    /// <summary>As <see cref="Of(string)"/>, with at most <paramref name="maxLength"/> characters: for a message of the library's that names input values.</summary>
    public static string Of(string text, int maxLength)
    {
        var clean = true;
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                clean = false;
                break;
            }
        }

        if (clean && text.Length <= maxLength)
        {
            return text;
        }

        var echo = new StringBuilder(Math.Min(text.Length, maxLength) + 8);
        foreach (var c in text)
        {
            if (echo.Length >= maxLength)
            {
                return echo.Append('…').ToString();
            }

            if (char.IsControl(c))
            {
                echo.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                echo.Append(c);
            }
        }

        return echo.ToString();
    }

    /// <summary>
    /// A list of input names (a header's columns), each echoed, as many as fit in about <paramref name="room"/>
    /// characters, then how many there are in all: a message naming them stays one short line.
    /// </summary>
    public static string List(string[] names, int room = 60)
    {
        var list = new StringBuilder();
        var shown = 0;
        foreach (var name in names)
        {
            var echo = Of(name);
            if (shown > 0 && list.Length + echo.Length + 2 > room)
            {
                break;
            }

            list.Append(shown++ > 0 ? ", " : string.Empty).Append(echo);
        }

        return shown < names.Length ? string.Create(CultureInfo.InvariantCulture, $"{list}, … ({names.Length} in all)") : list.ToString();
    }

    /// <summary>
    /// Writes output text to a terminal: line breaks and tabs as they are, every other control character (ESC, BEL, a
    /// carriage return, C1 controls) as a <c>\uXXXX</c> escape, so no cell of the input can move the cursor, set the
    /// window title or ring the bell. Files and pipes get the text unchanged.
    /// </summary>
    public static void WriteToTerminal(TextWriter writer, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var control = IndexOfControl(text);
            if (control < 0)
            {
                writer.Write(text);
                return;
            }

            writer.Write(text[..control]);
            writer.Write("\\u");
            writer.Write(((int)text[control]).ToString("x4", CultureInfo.InvariantCulture));
            text = text[(control + 1)..];
        }
    }

    private static int IndexOfControl(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var lineBreak = text[i] == '\n' || (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n');
            if (char.IsControl(text[i]) && text[i] != '\t' && !lineBreak)
            {
                return i;
            }
        }

        return -1;
    }
}
