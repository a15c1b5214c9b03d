using Gongkai.Hosting;

namespace Gongkai.Features.Operations;

/// <summary>Where archives and temporary folders go, and how they are cleaned up.</summary>
internal static class BackupTarget
{
    private static StringComparison PathComparison => OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>--out, or &lt;DataPath&gt;/backups/gongkai-yyyyMMdd-HHmmss.zip (never overwriting an earlier default backup).</summary>
    public static string Choose(GongkaiOptions options, string? outFile, DateTime localNow)
    {
        string target;
        if (string.IsNullOrWhiteSpace(outFile))
        {
            var backups = Path.Combine(options.FullDataPath, "backups");
            var stem = $"gongkai-{localNow:yyyyMMdd-HHmmss}";
            target = Path.Combine(backups, stem + ".zip");
            for (var n = 2; File.Exists(target); n++) target = Path.Combine(backups, $"{stem}-{n}.zip");
        }
        else target = Path.GetFullPath(outFile);

        if (Directory.Exists(target))
            throw new BackupException($"“{target}”是一个目录，请给出备份文件名（.zip）。{target} is a folder: give --out a file name.");
        // Inside the files folder the archive would back up itself and its own temporary folder.
        if (target.StartsWith(options.FilesPath + Path.DirectorySeparatorChar, PathComparison))
            throw new BackupException(
                $"备份文件不能放在文件目录“{options.FilesPath}”内。The backup cannot be written inside the files folder {options.FilesPath}: choose another --out.");
        var folder = Path.GetDirectoryName(target)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"无法创建备份目录“{folder}”。Cannot create the backup folder {folder}: {e.Message}", e);
        }
        return target;
    }

    public static string CreateFolder(string parent, string prefix)
    {
        var path = Path.Combine(parent, prefix + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            Directory.CreateDirectory(path);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"无法在“{parent}”中创建临时目录。Cannot create a temporary folder in {parent}: {e.Message}", e);
        }
    }

    public static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden temporary folder is untidy, not harmful; the operation's own result matters more.
        }
    }

    public static void TryDeleteFile(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // as above
        }
    }

    /// <summary>Empties the folder but keeps it (it may be a mount point or carry its own permissions).</summary>
    public static void EmptyFolder(string folder)
    {
        var info = Directory.CreateDirectory(folder);
        foreach (var dir in info.EnumerateDirectories()) dir.Delete(recursive: true);
        foreach (var file in info.EnumerateFiles()) file.Delete();
    }
}

/// <summary>
/// Puts a restored folder in place of the live one by two renames, keeping the old one aside until
/// the database has been replaced too, so a failed database restore puts the old files back.
/// </summary>
internal sealed class FolderSwap
{
    private readonly string _live;
    private readonly string? _previous;

    private FolderSwap(string live, string? previous)
    {
        _live = live;
        _previous = previous;
    }

    public static FolderSwap Replace(string live, string replacement, string previous)
    {
        var hadLive = Directory.Exists(live);
        if (hadLive) Directory.Move(live, previous);
        try
        {
            Directory.Move(replacement, live);
        }
        catch
        {
            if (hadLive) Directory.Move(previous, live);
            throw;
        }
        return new FolderSwap(live, hadLive ? previous : null);
    }

    /// <summary>Once the database is replaced too, the old files go.</summary>
    public void Commit()
    {
        if (_previous is not null) BackupTarget.TryDelete(_previous);
    }

    public void RollBack(string discarded)
    {
        try
        {
            Directory.Move(_live, discarded);
            if (_previous is not null) Directory.Move(_previous, _live);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException(
                $"数据库恢复失败，且原有文件未能移回：原有文件在“{_previous}”，请手动移回“{_live}”。" +
                $"The database restore failed and the previous files could not be moved back: they are in {_previous}; move them to {_live} by hand. ({e.Message})", e);
        }
    }
}
