using System;
using System.IO;
using System.Text;

namespace CustomerSuccess.Cli;

/// <summary>
/// A file written under a temporary name in the same folder and moved into place only by <see cref="Commit"/>: a crash,
/// a Ctrl+C or a failed run never leaves a half-written file under the real name, and disposing without committing
/// removes the temporary file. A link is followed, and its target written, never the link replaced; a device or
/// other special file (<c>/dev/null</c>, <c>/dev/stdout</c>, anything under <c>/dev</c> or <c>/proc</c>) is written
/// through directly. The temporary name carries the writing process's id, so a run finds and removes the leftovers of
/// a run that was killed (one whose process is gone).
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private const string TemporarySuffix = ".customer-success.tmp";
    private readonly string _path;
    private readonly string? _temporary;
    private readonly string _shownPath;
    private bool _done;

    public AtomicFile(string path)
    {
        var full = Resolve(path);
        _path = full;
        _shownPath = path;
        if (IsSpecial(full))
        {
            Writer = OpenWriter(full, FileMode.Open, FileShare.ReadWrite, path, string.Empty);
            return;
        }

        var folder = Path.GetDirectoryName(_path)!;
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"cannot write '{path}': the folder '{folder}' does not exist.");
        }

        if (Directory.Exists(full))
        {
            throw new UsageException($"cannot write '{path}': it is a folder.");
        }

        RemoveLeftovers(folder, Path.GetFileName(_path));
        _temporary = Path.Combine(folder, $".{Path.GetFileName(_path)}.{Environment.ProcessId}.{Guid.NewGuid():N}{TemporarySuffix}");
        Writer = OpenWriter(_temporary, FileMode.CreateNew, FileShare.None, path, $" in the folder '{folder}'");
    }

    public TextWriter Writer { get; }

    /// <summary>The file's bytes, for a binary format (Parquet, Arrow); write through this or <see cref="Writer"/>, not both.</summary>
    public Stream Stream => ((StreamWriter)Writer).BaseStream;

    public string FullPath => _path;

    /// <summary>Flushes the file and moves it into place, replacing any file of that name.</summary>
    public void Commit()
    {
        Writer.Dispose();
        if (_temporary is not null)
        {
            try
            {
                File.Move(_temporary, _path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && !IsDiskFull(e))
            {
                throw new UsageException($"cannot replace '{_shownPath}': {Reason(e)}.");
            }
        }

        _done = true;
    }

    /// <summary>Removes the regular file at a path an earlier run left, if any; a link, a device or a special file is left alone.</summary>
    public static void RemoveEarlier(string path)
    {
        var full = Path.GetFullPath(path);
        if (!IsSpecial(full) && File.Exists(full) && new FileInfo(full).LinkTarget is null)
        {
            File.Delete(full);
        }
    }

    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        Writer.Dispose();
        if (_temporary is not null)
        {
            File.Delete(_temporary);
        }
    }

    /// <summary>
    /// The full path a write to <paramref name="path"/> lands on: a link's final target (when it names a file path),
    /// otherwise the path itself; a device or process file is left as it is.
    /// </summary>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        if (IsSpecial(full))
        {
            return full;
        }

        try
        {
            var file = new FileInfo(full);
            return file.LinkTarget is not null && file.ResolveLinkTarget(returnFinalTarget: true) is { } target && Path.IsPathRooted(target.FullName)
                ? target.FullName
                : full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    /// <summary>Whether an I/O error is a full disk (ENOSPC on Unix, ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on Windows).</summary>
    public static bool IsDiskFull(Exception e) =>
        e is IOException && e.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027) or 112 or 39;

    /// <summary>
    /// A writer on a file; a failure to open it (other than a full disk, which stays an I/O error) is a usage error that
    /// names <paramref name="shown"/>, the user's path, never the temporary file.
    /// </summary>
    private static StreamWriter OpenWriter(string file, FileMode mode, FileShare share, string shown, string where)
    {
        try
        {
            return new StreamWriter(new FileStream(file, mode, FileAccess.Write, share, 1 << 16), new UTF8Encoding(false), 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && !IsDiskFull(e))
        {
            throw new UsageException($"cannot write '{shown}': {Reason(e)}{where}.");
        }
    }

    /// <summary>Why a file could not be written, in words that name no path.</summary>
    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "no such device or file",
        PathTooLongException => "the path is too long",
        _ when e.HResult is 30 => "the file system is read-only",
        _ => "the file system refused it",
    };

    /// <summary>Whether a path is a device or process file, written through rather than replaced.</summary>
    public static bool IsSpecial(string full) =>
        !OperatingSystem.IsWindows() && (full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal));

    /// <summary>Removes the temporary files of earlier runs on this target whose process no longer exists.</summary>
    private static void RemoveLeftovers(string folder, string name)
    {
        foreach (var file in Directory.EnumerateFiles(folder, $".{name}.*{TemporarySuffix}"))
        {
            var parts = Path.GetFileName(file)[(name.Length + 2)..].Split('.');
            if (parts.Length > 0 && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) && !Running(pid))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Another run removing it at the same moment, or a file in use: leave it.
                }
            }
        }
    }

    private static bool Running(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
