using System.IO.Compression;
using System.Text.Json;

namespace Gongkai.Features.Operations;

/// <summary>
/// Opens a backup and refuses it, with a message that names the problem, unless the manifest is
/// readable and lists exactly the members the zip holds. Extraction checks each member's size and
/// SHA-256 against the manifest.
/// </summary>
internal sealed class BackupArchiveReader : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly string _path;

    public BackupManifest Manifest { get; }

    private BackupArchiveReader(ZipArchive zip, string path, BackupManifest manifest)
    {
        _zip = zip;
        _path = path;
        Manifest = manifest;
    }

    public void Dispose() => _zip.Dispose();

    public static BackupArchiveReader Open(string path)
    {
        if (!File.Exists(path))
            throw new BackupException($"找不到备份文件“{path}”。Backup file not found: {path}");
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new BackupException($"“{path}”不是有效的备份文件（zip 无法读取），未做任何更改。{path} is not a readable zip archive ({e.Message}). Nothing was changed.", e);
        }
        try
        {
            var manifest = ReadManifest(zip, path);
            CheckMembers(zip, manifest, path);
            return new BackupArchiveReader(zip, path, manifest);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    private static BackupManifest ReadManifest(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName)
            ?? throw new BackupException($"“{path}”中没有 manifest.json，不是 Gongkai 备份，未做任何更改。{path} has no manifest.json: not a Gongkai backup. Nothing was changed.");
        BackupManifest? manifest;
        try
        {
            using var stream = entry.Open();
            manifest = JsonSerializer.Deserialize<BackupManifest>(stream, BackupManifest.Json);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new BackupException($"备份清单 manifest.json 已损坏，未做任何更改。manifest.json in {path} cannot be read ({e.Message}). Nothing was changed.", e);
        }
        if (manifest is null || manifest.Format != BackupManifest.FormatName || manifest.Members is null
            || string.IsNullOrEmpty(manifest.Provider) || string.IsNullOrEmpty(manifest.DatabaseMember) || string.IsNullOrEmpty(manifest.Migration))
            throw new BackupException($"“{path}”的清单不是 Gongkai 备份清单，未做任何更改。manifest.json in {path} is not a Gongkai backup manifest. Nothing was changed.");
        if (manifest.FormatVersion > BackupManifest.CurrentVersion)
            throw new BackupException(
                $"备份格式版本 {manifest.FormatVersion} 由更新版本的 Gongkai（{manifest.AppVersion}）生成，请升级后再恢复，未做任何更改。" +
                $"Backup format {manifest.FormatVersion} comes from a newer Gongkai ({manifest.AppVersion}); this version reads format {BackupManifest.CurrentVersion}. Nothing was changed.");
        return manifest;
    }

    /// <summary>The zip must hold exactly the manifest's members, each at a safe relative path.</summary>
    private static void CheckMembers(ZipArchive zip, BackupManifest manifest, string path)
    {
        var inZip = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName == BackupManifest.EntryName || entry.FullName.EndsWith('/')) continue;
            if (!inZip.Add(entry.FullName))
                throw Altered(path, $"成员 {entry.FullName} 出现两次", $"member {entry.FullName} appears twice");
        }
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in manifest.Members)
        {
            if (!IsSafe(m.Path) || (m.Path != manifest.DatabaseMember && !m.Path.StartsWith(BackupManifest.FilesPrefix, StringComparison.Ordinal)))
                throw Altered(path, $"清单中的路径“{m.Path}”不安全", $"manifest path '{m.Path}' is not a safe relative path");
            if (!listed.Add(m.Path) || !inZip.Contains(m.Path))
                throw Altered(path, $"清单列出的 {m.Path} 不在压缩包中", $"{m.Path} is listed in manifest.json but missing from the zip");
        }
        if (!listed.Contains(manifest.DatabaseMember))
            throw Altered(path, "缺少数据库", $"the database member {manifest.DatabaseMember} is missing");
        var extra = inZip.FirstOrDefault(n => !listed.Contains(n));
        if (extra is not null)
            throw Altered(path, $"压缩包中的 {extra} 不在清单中", $"{extra} is in the zip but not in manifest.json");
    }

    private static bool IsSafe(string member) =>
        // Traversal is checked again on the full path when extracting; '\\' and ':' are legal in Linux names.
        member.Length > 0 && !member.StartsWith('/') && member.Split('/').All(part => part.Length > 0 && part != "." && part != "..");

    /// <summary>Extracts one member to a new file, checking its size and SHA-256; deletes the file if they differ.</summary>
    public async Task ExtractAsync(BackupMember member, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var entry = _zip.GetEntry(member.Path)!;
        (long Size, string Sha256) actual;
        try
        {
            await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            await using var input = entry.Open();
            actual = await BackupArchive.CopyHashingAsync(input, output, ct);
        }
        catch (InvalidDataException e)
        {
            File.Delete(target);
            throw Altered(_path, $"成员 {member.Path} 无法解压", $"member {member.Path} cannot be decompressed ({e.Message})", e);
        }
        catch
        {
            File.Delete(target);
            throw;
        }
        if (actual.Size != member.Size || !string.Equals(actual.Sha256, member.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(target);
            throw Altered(_path, $"成员 {member.Path} 与清单中的 SHA-256 不符", $"member {member.Path} does not match its SHA-256 in manifest.json");
        }
    }

    /// <summary>Extracts every files/** member under <paramref name="root"/> (which must not exist yet).</summary>
    public async Task ExtractFilesAsync(string root, CancellationToken ct)
    {
        var full = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(full);
        foreach (var member in Manifest.Members.Where(m => m.Path.StartsWith(BackupManifest.FilesPrefix, StringComparison.Ordinal)))
        {
            var target = Path.GetFullPath(Path.Combine(full, member.Path[BackupManifest.FilesPrefix.Length..]));
            if (!target.StartsWith(full, StringComparison.Ordinal))
                throw Altered(_path, $"成员 {member.Path} 指向文件目录之外", $"member {member.Path} points outside the files folder");
            await ExtractAsync(member, target, ct);
        }
    }

    private static BackupException Altered(string path, string chinese, string english, Exception? inner = null) =>
        new($"备份文件“{path}”已损坏或被改动：{chinese}。未做任何更改。" +
            $"The backup {path} is damaged or altered: {english}. Nothing was changed.", inner);
}
