using System;
using System.Globalization;

namespace CustomerSuccess.Cli;

/// <summary>
/// The errors file of a run: created on <see cref="Open"/> or at the first bad row, with its header then; one row per
/// bad cell, with the input file it is in when made <c>withFile</c> (a run of several inputs).
/// </summary>
internal sealed class ErrorsFile(string path, bool withFile = false) : IDisposable
{
    private AtomicFile? _file;

    public bool Written { get; private set; }

    public void Open() => _file ??= new AtomicFile(path);

    /// <summary>Writes a bad cell; <paramref name="file"/> names the input it is in, for a file made <c>withFile</c>.</summary>
    public void Write(RowError error, string? file = null)
    {
        Open();
        var writer = _file!.Writer;
        if (!Written)
        {
            writer.WriteLine(withFile ? "file,line,column,value,reason" : "line,column,value,reason");
            Written = true;
        }

        if (withFile)
        {
            CsvText.WriteText(writer, file);
            writer.Write(',');
        }

        writer.Write(error.Line.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        CsvText.WriteText(writer, error.Column);
        writer.Write(',');
        CsvText.WriteText(writer, error.Value);
        writer.Write(',');
        CsvText.WriteText(writer, error.Reason);
        writer.WriteLine();
    }

    /// <summary>Moves the file into place; gives its full path.</summary>
    public string Commit()
    {
        _file!.Commit();
        return _file.FullPath;
    }

    public void Dispose() => _file?.Dispose();
}
