using System.Security.Cryptography;
using System.Text;
using Gongkai.Data;
using Gongkai.Features.Audit;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Open311;

/// <summary>A registered civic app as the back office lists it (never the key, only its first characters).</summary>
public sealed record Open311ClientView(int Id, string Name, string? Contact, string KeyPrefix, DateTime CreatedAt, string CreatedBy,
    DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool Active => RevokedAt is null;
}

public sealed record IssueOpen311KeyRequest(string? Name, string? Contact = null);

/// <summary>The key is in this answer only: the server keeps its SHA-256.</summary>
public sealed record IssuedOpen311Key(string ApiKey, int Id, string Name, string KeyPrefix);

/// <summary>
/// Client keys of the Open311 API (GeoReport v2's api_key): the office issues one per civic app,
/// shows it once, keeps only its SHA-256 and revokes it when the app stops or the key leaks.
/// </summary>
public sealed class Open311Keys(GongkaiDbContext db, TimeProvider clock, IAuditActorAccessor actors)
{
    public const string KeyStart = "o311-";
    private const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";

    public async Task<IReadOnlyList<Open311ClientView>> ListAsync(CancellationToken ct) =>
        await db.Open311Clients.AsNoTracking()
            .OrderBy(c => c.RevokedAt != null).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new Open311ClientView(c.Id, c.Name, c.Contact, c.KeyPrefix, c.CreatedAt, c.CreatedBy, c.LastUsedAt, c.RevokedAt))
            .ToListAsync(ct);

    public async Task<IssuedOpen311Key> IssueAsync(IssueOpen311KeyRequest input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim();
        var contact = string.IsNullOrWhiteSpace(input.Contact) ? null : input.Contact.Trim();
        if (string.IsNullOrEmpty(name)) errors["name"] = ["请填写接入应用的名称"];
        else if (name.Length > 100) errors["name"] = ["名称不超过100个字"];
        if (contact?.Length > 200) errors["contact"] = ["联系方式不超过200个字"];
        if (errors.Count > 0) throw new InputException(errors);

        var key = NewKey();
        var client = new Open311Client
        {
            Name = name!, Contact = contact, KeyHash = Hash(key), KeyPrefix = key[..10],
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actors.Current?.Name ?? "",
        };
        db.Open311Clients.Add(client);
        await db.SaveChangesAsync(ct);
        return new IssuedOpen311Key(key, client.Id, client.Name, client.KeyPrefix);
    }

    /// <summary>Revokes a key for good; revoking a revoked key changes nothing. False when there is no such client.</summary>
    public async Task<bool> RevokeAsync(int id, CancellationToken ct)
    {
        var client = await db.Open311Clients.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null) return false;
        if (client.RevokedAt is null)
        {
            client.RevokedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>The active client holding this key, or null (unknown or revoked).</summary>
    public async Task<Open311Client?> FindActiveAsync(string key, CancellationToken ct)
    {
        var hash = Hash(key);
        return await db.Open311Clients.FirstOrDefaultAsync(c => c.KeyHash == hash && c.RevokedAt == null, ct);
    }

    /// <summary>
    /// 32 random characters (≈ 158 bits) after a recognisable start: random enough that a fast hash
    /// cannot be reversed, so SHA-256 is all the server keeps.
    /// </summary>
    public static string NewKey() => KeyStart + new string(RandomNumberGenerator.GetItems<char>(Alphabet, 32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));
}
