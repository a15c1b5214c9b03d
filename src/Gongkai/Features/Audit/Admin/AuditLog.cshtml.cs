using Gongkai.Data;
using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Audit.Admin;

[Authorize(Policy = Policies.Oversight)]
public sealed class AuditLogModel(GongkaiDbContext db, AuditChainVerifier verifier) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public long Total { get; private set; }
    public int PageCount { get; private set; }
    public List<AuditEntry> Rows { get; private set; } = [];
    public AuditVerification? Verification { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Verification only reads; it is a POST so a crawler or a refresh never starts a full walk.</summary>
    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await verifier.VerifyAsync(ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = AuditQueries.Filter(db.AuditEntries.AsNoTracking(), Actor, EntityType);
        Total = await query.LongCountAsync(ct);
        PageCount = Math.Max(1, (int)((Total + PageSize - 1) / PageSize));
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query.OrderByDescending(e => e.Sequence).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public static string Abbreviate(string? json) => json is null ? "—" : json.Length > 300 ? json[..300] + "…" : json;

    public static string ActionName(string action) => action switch
    {
        "Created" => "新增",
        "Updated" => "修改",
        "Deleted" => "删除",
        "SignIn" => "登录",
        "SignInFailed" => "登录失败",
        "SignInLockedOut" => "登录被锁定",
        "TokenIssued" => "获取API令牌",
        "TokenRefused" => "API令牌被拒绝",
        _ => action,
    };
}
