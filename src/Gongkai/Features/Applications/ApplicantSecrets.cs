using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Features.Applications;

/// <summary>
/// ID numbers and contacts encrypted at rest with ASP.NET Data Protection (its keys live in the
/// database, shared by every instance and kept by backups). Only the handling department and the
/// office ever see them decrypted.
/// </summary>
public sealed class ApplicantProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Gongkai.Applications.ApplicantData.v1");

    public string? Protect(string? plain) => string.IsNullOrEmpty(plain) ? null : _protector.Protect(plain);

    public string? Unprotect(string? cipher) => string.IsNullOrEmpty(cipher) ? null : _protector.Unprotect(cipher);
}

/// <summary>Tracking codes and access keys of applications.</summary>
public static class TrackingCodes
{
    // No 0/O, 1/I/L: a code read out on the phone or copied from paper cannot be mistaken.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>YS2026-7K3MQ9XA: 依申(YS), the year of receipt, 8 random characters (31⁸ ≈ 8.5 × 10¹¹).</summary>
    public static string NewTrackingCode(int year) => NewTrackingCode("YS", year);

    /// <summary>The same shape with another prefix (MY 民意, TS 投诉, JY 建议 for the public-voice cases).</summary>
    public static string NewTrackingCode(string prefix, int year) => $"{prefix}{year}-{Random(8)}";

    /// <summary>
    /// 20 random characters in groups of five (≈ 99 bits): only its SHA-256 is stored. The key is
    /// random enough that a fast hash cannot be reversed; look-ups are rate-limited besides.
    /// </summary>
    public static string NewAccessKey()
    {
        var raw = Random(20);
        return string.Join('-', raw.Chunk(5).Select(c => new string(c)));
    }

    public static string HashAccessKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(key))));

    /// <summary>Compares in constant time, so the response time says nothing about how close a guess was.</summary>
    public static bool Matches(string? key, string storedHash)
    {
        if (string.IsNullOrWhiteSpace(key) || storedHash.Length != 64) return false;
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(key)));
        return CryptographicOperations.FixedTimeEquals(given, Convert.FromHexString(storedHash));
    }

    /// <summary>Upper case, no spaces or dashes: what an applicant types is forgiven its layout.</summary>
    public static string Normalise(string text) =>
        new([.. text.Trim().ToUpperInvariant().Where(c => c is not ('-' or ' '))]);

    public static string NormaliseCode(string code) => code.Trim().ToUpperInvariant();

    private static string Random(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }
}
