using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gongkai.Features.Operations;

/// <summary>manifest.json: what the archive holds and how to check it.</summary>
internal sealed record BackupManifest(
    string Format,
    int FormatVersion,
    string Provider,
    DateTime CreatedAtUtc,
    string Migration,
    string AppVersion,
    string DatabaseMember,
    int FileCount,
    long FilesBytes,
    IReadOnlyList<BackupMember> Members)
{
    public const string FormatName = "gongkai-backup";
    public const int CurrentVersion = 1;
    public const string EntryName = "manifest.json";
    public const string FilesPrefix = "files/";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // File names stay readable Chinese in the manifest.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

internal sealed record BackupMember(string Path, long Size, string Sha256);

/// <summary>Writes the zip: the database dump, every file under the files folder, then the manifest.</summary>
internal static class BackupArchive
{
    public static async Task<BackupManifest> WriteAsync(
        string zipPath, BackupManifest header, string databaseDump, CompressionLevel databaseLevel, string filesRoot, CancellationToken ct)
    {
        var members = new List<BackupMember>();
        await using var stream = new FileStream(zipPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        BackupManifest manifest;
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var db = File.OpenRead(databaseDump))
                members.Add(await AddAsync(zip, header.DatabaseMember, db, databaseLevel, header.CreatedAtUtc, ct));

            long filesBytes = 0;
            foreach (var (file, relative) in FilesUnder(filesRoot))
            {
                FileStream source;
                try
                {
                    source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                }
                catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
                {
                    continue; // deleted while the backup ran: the database snapshot (taken first) may still name it, as it did live
                }
                await using (source)
                {
                    var member = await AddAsync(zip, BackupManifest.FilesPrefix + relative, source, CompressionLevel.Fastest, File.GetLastWriteTimeUtc(file), ct);
                    members.Add(member);
                    filesBytes += member.Size;
                }
            }

            manifest = header with { FileCount = members.Count - 1, FilesBytes = filesBytes, Members = members };
            var entry = zip.CreateEntry(BackupManifest.EntryName, CompressionLevel.Optimal);
            await using var manifestStream = entry.Open();
            await JsonSerializer.SerializeAsync(manifestStream, manifest, BackupManifest.Json, ct);
        }
        // On disk before the rename makes it the backup, so a crash never leaves a short archive under the real name.
        await stream.FlushAsync(ct);
        stream.Flush(flushToDisk: true);
        return manifest;
    }

    /// <summary>Every file, with its path relative to the root in '/' form, in a stable order. Hidden files too.</summary>
    public static IEnumerable<(string File, string Relative)> FilesUnder(string root)
    {
        if (!Directory.Exists(root)) return [];
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        return Directory.EnumerateFiles(root, "*", options)
            .Select(f => (f, Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(x => x.Item2, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<BackupMember> AddAsync(ZipArchive zip, string name, Stream source, CompressionLevel level, DateTime modifiedUtc, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, level);
        // Zip times start in 1980; the time is a courtesy for people who open the archive, not restored.
        if (modifiedUtc.Year is >= 1981 and <= 2106) entry.LastWriteTime = new DateTimeOffset(modifiedUtc, TimeSpan.Zero);
        await using var target = entry.Open();
        var (size, sha) = await CopyHashingAsync(source, target, ct);
        return new BackupMember(name, size, sha);
    }

    /// <summary>Copies while hashing, so each member is read once. Stream.Null as target only hashes.</summary>
    public static async Task<(long Size, string Sha256)> CopyHashingAsync(Stream source, Stream target, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(128 * 1024);
        try
        {
            long size = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
                size += read;
            }
            return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
