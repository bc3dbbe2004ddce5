using System;
using System.IO;
using System.Text;

namespace CustomerSuccess.Cli;

/// <summary>
/// A file written under a temporary name in the same folder and moved into place only by <see cref="Commit"/>: a crash,
/// a Ctrl+C or a failed run never leaves a half-written file under the real name, and disposing without committing
/// removes the temporary file.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private bool _done;

    public AtomicFile(string path)
    {
        _path = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(_path)!;
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"cannot write '{path}': the folder '{folder}' does not exist.");
        }

        _temporary = Path.Combine(folder, $".{Path.GetFileName(_path)}.{Guid.NewGuid():N}.tmp");
        Writer = new StreamWriter(new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), new UTF8Encoding(false), 1 << 16);
    }

    public TextWriter Writer { get; }

    public string FullPath => _path;

    /// <summary>Flushes the file and moves it into place, replacing any file of that name.</summary>
    public void Commit()
    {
        Writer.Dispose();
        File.Move(_temporary, _path, overwrite: true);
        _done = true;
    }

    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        Writer.Dispose();
        File.Delete(_temporary);
    }
}
