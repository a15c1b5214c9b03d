using System.Security.Cryptography;
using System.Text;
using Gongkai.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Applications.Import;

/// <summary>
/// Holds an uploaded file between the page's check and its confirmation, so the office confirms
/// exactly the file it checked without choosing it again. The file holds applicants' ID numbers,
/// so it is kept encrypted (Data Protection), for the uploader only, for an hour at most.
/// </summary>
public sealed class ImportStaging(IOptions<GongkaiOptions> options, IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly IDataProtector _protector = provider.CreateProtector("Gongkai.Applications.Import.Staging.v1");
    private string Folder => Path.Combine(options.Value.FullDataPath, "import-staging");

    /// <summary>Keeps the file and returns the token that names it.</summary>
    public async Task<string> StageAsync(string user, string fileName, byte[] content, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        RemoveExpired();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var stagedAt = clock.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var header = Encoding.UTF8.GetBytes(user + "\n" + stagedAt + "\n" + fileName);
        byte[] plain = [.. BitConverter.GetBytes(header.Length), .. header, .. content];
        await File.WriteAllBytesAsync(PathOf(token), _protector.Protect(plain), ct);
        return token;
    }

    /// <summary>Takes the staged file back (and removes it): null when the token is unknown, expired, or another user's.</summary>
    public async Task<(string FileName, byte[] Content)?> TakeAsync(string user, string? token, CancellationToken ct)
    {
        if (token is null || token.Length != 32 || !token.All(char.IsAsciiHexDigitLower)) return null;
        var path = PathOf(token);
        if (!File.Exists(path)) return null;
        byte[] plain;
        try
        {
            plain = _protector.Unprotect(await File.ReadAllBytesAsync(path, ct));
        }
        catch (CryptographicException)
        {
            return null;
        }
        var length = BitConverter.ToInt32(plain, 0);
        var header = Encoding.UTF8.GetString(plain, 4, length).Split('\n', 3);
        if (header.Length != 3 || header[0] != user) return null;
        File.Delete(path);
        var stagedAt = new DateTime(long.Parse(header[1], System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        return clock.GetUtcNow().UtcDateTime - stagedAt > Lifetime ? null : (header[2], plain[(4 + length)..]);
    }

    private string PathOf(string token) => Path.Combine(Folder, token + ".bin");

    private void RemoveExpired()
    {
        foreach (var file in Directory.EnumerateFiles(Folder, "*.bin"))
        {
            // Housekeeping only (the file's time, not the staged time inside): confirmations check the latter.
            try
            {
                if (clock.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(file) > Lifetime) File.Delete(file);
            }
            catch (IOException)
            {
                // Another request is taking it; it goes either way.
            }
        }
    }
}
