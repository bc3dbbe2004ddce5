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

    public static string Of(string text)
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

        if (clean && text.Length <= MaxLength)
        {
            return text;
        }

        var echo = new StringBuilder(MaxLength + 8);
        foreach (var c in text)
        {
            if (echo.Length >= MaxLength)
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

    /// <summary>A list of input names (a header's columns), each echoed, at most <paramref name="most"/> of them.</summary>
    public static string List(string[] names, int most = 20)
    {
        var shown = new string[System.Math.Min(names.Length, most)];
        for (var i = 0; i < shown.Length; i++)
        {
            shown[i] = Of(names[i]);
        }

        var list = string.Join(", ", shown);
        return names.Length > most ? string.Create(CultureInfo.InvariantCulture, $"{list}, … ({names.Length} in all)") : list;
    }
}
