using System.IO.Compression;
using System.Text.Json;
using Gongkai.Features.Operations;

namespace Gongkai.Tests.Operations;

/// <summary>Makes altered copies of a backup archive.</summary>
internal static class BackupArchiveFixture
{
    public static BackupManifest Manifest(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var stream = archive.GetEntry(BackupManifest.EntryName)!.Open();
        return JsonSerializer.Deserialize<BackupManifest>(stream, BackupManifest.Json)!;
    }

    public static string Copy(string zip, string folder, string name, Action<ZipArchive> change)
    {
        var copy = Path.Combine(folder, name);
        File.Copy(zip, copy);
        using var archive = ZipFile.Open(copy, ZipArchiveMode.Update);
        change(archive);
        return copy;
    }

    public static void ReplaceManifest(ZipArchive archive, BackupManifest manifest) =>
        Replace(archive, BackupManifest.EntryName, JsonSerializer.SerializeToUtf8Bytes(manifest, BackupManifest.Json));

    /// <summary>Rewrites the member with one byte changed: a well-formed zip whose content no longer matches the manifest.</summary>
    public static void FlipByte(ZipArchive archive, string member)
    {
        using var buffer = new MemoryStream();
        using (var stream = archive.GetEntry(member)!.Open()) stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        bytes[bytes.Length / 2] ^= 0x01;
        Replace(archive, member, bytes);
    }

    public static void Add(ZipArchive archive, string member, byte[] content)
    {
        using var stream = archive.CreateEntry(member).Open();
        stream.Write(content);
    }

    private static void Replace(ZipArchive archive, string member, byte[] content)
    {
        archive.GetEntry(member)!.Delete();
        Add(archive, member, content);
    }
}
