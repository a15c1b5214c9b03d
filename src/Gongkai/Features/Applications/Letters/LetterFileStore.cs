using System.Security.Cryptography;
using Gongkai.Hosting;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Applications.Letters;

/// <summary>A written letter file: where it is under files/, its SHA-256 and size.</summary>
public sealed record StoredLetterFile(string RelativePath, string Sha256, long Size);

/// <summary>
/// Letter files on disk like attachments: files/letters/{yyyy}/{sha256[0..2]}/{sha256}.{ext}, so a
/// backup (which takes everything under files/) keeps them. A file is written in the data folder's
/// staging place first and moved into place before the row that names it is saved; letters are
/// never deleted, so identical content is simply found in place.
/// </summary>
public sealed class LetterFileStore(IOptions<GongkaiOptions> options)
{
    private string FilesPath => options.Value.FilesPath;

    // The attachment uploads' staging folder: StagingSweepService clears what a crash leaves there.
    private string StagingPath => Path.Combine(options.Value.FullDataPath, ".uploads");

    public async Task<StoredLetterFile> StoreAsync(byte[] content, int year, string extension, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var relative = $"letters/{year:D4}/{sha[..2]}/{sha}{extension}";
        var target = FullPath(relative);
        if (!File.Exists(target))
        {
            Directory.CreateDirectory(StagingPath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temp = Path.Combine(StagingPath, $"{Guid.NewGuid():N}.part");
            try
            {
                await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    await stream.WriteAsync(content, ct);
                    stream.Flush(flushToDisk: true);
                }
                // Another request may have placed the same bytes meanwhile: theirs is as good as ours.
                if (!File.Exists(target)) File.Move(temp, target);
            }
            catch (IOException) when (File.Exists(target))
            {
            }
            finally
            {
                try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
        return new StoredLetterFile(relative, sha, content.LongLength);
    }

    public string FullPath(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(FilesPath, relativePath));
        // The path comes from the database; still, never serve anything outside files/.
        if (!full.StartsWith(Path.GetFullPath(FilesPath) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"Letter path {relativePath} leaves the files folder.");
        return full;
    }
}
