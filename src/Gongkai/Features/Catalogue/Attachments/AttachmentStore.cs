using System.Security.Cryptography;
using Gongkai.Hosting;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Catalogue.Attachments;

/// <summary>
/// Attachment files on disk: files/items/{yyyy}/{sha256[0..2]}/{sha256}{ext}. A file is written in
/// full elsewhere and then moved into place, and is in place before the row that names it is
/// committed; it is deleted only after its last row is gone (the order a backup relies on, see
/// BackupService). Identical content is stored once.
/// </summary>
public sealed class AttachmentStore(IOptions<GongkaiOptions> options)
{
    /// <summary>
    /// Serialises placing and removing files in this process, so that a file shared by two rows is
    /// never removed between the moment an upload finds it in place and the moment its row is saved.
    /// </summary>
    internal static readonly SemaphoreSlim Gate = new(1, 1);

    private string FilesPath => options.Value.FilesPath;

    /// <summary>Uploads are written here first: in the data folder (one file system with files/, so the move is a rename) but outside the backed-up files/.</summary>
    private string StagingPath => Path.Combine(options.Value.FullDataPath, ".uploads");

    public sealed record Staged(string TempPath, long Size, string Sha256, byte[] Head);

    /// <summary>Copies the upload to a temp file, hashing as it goes; stops as soon as it passes <paramref name="maxBytes"/> (Size is then maxBytes + 1).</summary>
    public async Task<Staged> StageAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(StagingPath);
        var temp = Path.Combine(StagingPath, $"{Guid.NewGuid():N}.part");
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[AttachmentFormats.HeadLength];
            var headLength = 0;
            long size = 0;
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        Array.Copy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    size += read;
                    if (size > maxBytes) return new Staged(temp, maxBytes + 1, "", head[..headLength]);
                    sha.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                await target.FlushAsync(ct);
                target.Flush(flushToDisk: true);
            }
            return new Staged(temp, size, Convert.ToHexStringLower(sha.GetHashAndReset()), head[..headLength]);
        }
        catch
        {
            Discard(temp);
            throw;
        }
    }

    /// <summary>
    /// The checks every upload passes (catalogue items and cases): a format we accept by the file
    /// name, staged to a temp file, not over <paramref name="maxBytes"/>, not empty, and content that
    /// is what the extension says. Refusals are <see cref="AttachmentRefusedException"/> in Chinese.
    /// The caller discards <see cref="Staged.TempPath"/> when done (<see cref="Discard"/>).
    /// </summary>
    public async Task<(string Name, AttachmentFormat Format, Staged Staged)> StageCheckedAsync(string? fileName, Stream content, long maxBytes, CancellationToken ct)
    {
        var name = AttachmentRules.CleanFileName(fileName);
        var format = AttachmentFormats.ForFileName(name) ?? throw new AttachmentRefusedException(StatusCodes.Status415UnsupportedMediaType,
            $"不支持“{Path.GetExtension(name)}”类型的文件“{name}”：附件只能是 {AttachmentFormats.Allowed} 文件。");
        var staged = await StageAsync(content, maxBytes, ct);
        try
        {
            if (staged.Size > maxBytes)
                throw new AttachmentRefusedException(StatusCodes.Status413PayloadTooLarge,
                    $"“{name}”超过了附件大小上限 {AttachmentRules.Size(maxBytes)}，未上传。请压缩或拆分后重新上传。");
            if (staged.Size == 0)
                throw new AttachmentRefusedException(StatusCodes.Status400BadRequest, $"“{name}”是空文件，未上传。");
            if (!format.Matches(staged.Head))
                throw new AttachmentRefusedException(StatusCodes.Status415UnsupportedMediaType,
                    $"“{name}”的内容不是{format.Name}（扩展名与文件内容不符），未上传。请上传原始文件，不要只修改扩展名。");
            return (name, format, staged);
        }
        catch
        {
            Discard(staged.TempPath);
            throw;
        }
    }

    /// <summary>
    /// Moves a checked upload into place and then saves the row that names it, under <see cref="Gate"/>
    /// (the file first: a backup taken in between only finds an extra file).
    /// </summary>
    public async Task PlaceAndSaveAsync(Staged staged, string relativePath, Func<Task> saveRow, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            Place(staged.TempPath, relativePath);
            await saveRow();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Removes staged uploads left behind by a process that died mid-upload. Only files older than
    /// <paramref name="olderThan"/> go: another instance sharing the data folder may be writing a
    /// younger one right now.
    /// </summary>
    public int SweepStaging(DateTime utcNow, TimeSpan olderThan)
    {
        if (!Directory.Exists(StagingPath)) return 0;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(StagingPath, "*.part"))
        {
            if (utcNow - File.GetLastWriteTimeUtc(file) < olderThan) continue;
            Discard(file);
            if (!File.Exists(file)) removed++;
        }
        return removed;
    }

    public static string RelativePath(int year, string sha256, string extension) =>
        $"items/{year:D4}/{sha256[..2]}/{sha256}{extension}";

    /// <summary>Moves a staged file to its place; when identical content is already there, the staged copy is dropped. Call under <see cref="Gate"/>.</summary>
    public void Place(string tempPath, string relativePath)
    {
        var target = FullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target)) Discard(tempPath);
        else File.Move(tempPath, target);
    }

    public string FullPath(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(FilesPath, relativePath));
        // StoredPath comes from the database; still, never serve or delete outside files/.
        if (!full.StartsWith(Path.GetFullPath(FilesPath) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"Attachment path {relativePath} leaves the files folder.");
        return full;
    }

    /// <summary>Deletes a file no row names any longer. Call under <see cref="Gate"/>, after the row's deletion is committed.</summary>
    public void Remove(string relativePath) => Discard(FullPath(relativePath));

    public static void Discard(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>At start, clears uploads a crash left half-written (they are never referenced by any row).</summary>
public sealed class StagingSweepService(AttachmentStore store, TimeProvider clock, ILogger<StagingSweepService> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var removed = store.SweepStaging(clock.GetUtcNow().UtcDateTime, TimeSpan.FromHours(1));
            if (removed > 0) log.LogInformation("Removed {Count} unfinished uploads left by an earlier run", removed);
        }
        catch (IOException e)
        {
            log.LogWarning(e, "Could not clear unfinished uploads; they are harmless and will be retried at the next start");
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
