using Gongkai.Data;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Gongkai.Features.Catalogue;
using Gongkai.Features.Catalogue.AnnualReports;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.AnnualReports;

/// <summary>The outcome of a publication attempt: published, or refused with the failed cross-checks.</summary>
public sealed record PublishOutcome(bool Published, IReadOnlyList<ReportCheck> Failed, long? ItemId, string? IndexNumber);

/// <summary>
/// Publishes a report (《条例》第四十九条: 向社会公布): runs the cross-checks (勾稽关系) and refuses while any fails;
/// otherwise creates a catalogue item in the 年报 column under the body's unit, with the report as its HTML body,
/// publishes it at once with its 索引号, and freezes the report's numbers and texts, all in one transaction.
/// Like approving an item, it takes a 审核人 or the office administrator.
/// </summary>
public sealed class PublishReport(GongkaiDbContext db, TimeProvider clock, DepartmentScope scope, IAuditActorAccessor actors,
    IHttpContextAccessor http, AnnualReportService reports, AnnualReportEditing editing, IndexNumberAllocator numbers)
{
    private const int MaxAttempts = 5;

    public static bool MayPublish(System.Security.Claims.ClaimsPrincipal? user) =>
        user is not null && (user.IsInRole(StaffRoles.Reviewer) || user.IsInRole(StaffRoles.OfficeAdmin));

    public async Task<PublishOutcome> RunAsync(int year, string? body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (target, record) = await editing.OpenAsync(year, body, ct);
            if (!MayPublish(http.HttpContext?.User))
                throw new DepartmentScopeException("只有审核人或公开办管理员可以发布年度报告");
            if (record.Status == AnnualReportStatus.Published)
                throw new Domain.Common.DomainConflictException($"{year}年度报告已经发布，不能重复发布");

            var content = await reports.ComputeAsync(target, year, record.IncludeDepartments, ct);
            var failed = content.Checks().Where(c => !c.Passed).ToList();
            if (failed.Count > 0) return new PublishOutcome(false, failed, null, null);

            var categoryId = await db.Categories.Where(c => c.Code == AnnualReportColumn.CategoryCode).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
                ?? throw new Domain.Common.DomainConflictException($"公开目录中没有代码为“{AnnualReportColumn.CategoryCode}”的年报栏目，请先在目录管理中恢复该栏目");
            var now = clock.GetUtcNow().UtcDateTime;
            var today = ChinaTime.Today(clock);
            var by = actors.Current?.Name ?? "";
            var item = new DisclosureItem(new ItemContent(content.Title, target.DepartmentId, categoryId, today,
                HtmlBody.Clean(ReportHtml.Render(content)), Keywords: "政府信息公开工作年度报告",
                Summary: $"{content.BodyName}{year}年政府信息公开工作年度报告，统计期限为{content.Period}。"), by, now);
            scope.EnsureCanWrite(item.DepartmentId);
            item.Submit(now);
            item.Approve(now, null);
            var department = await db.Departments.SingleAsync(d => d.Id == target.DepartmentId, ct);
            item.MarkPublished(now, today, await numbers.NextAsync(department, today.Year, ct));
            db.Items.Add(item);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await db.SaveChangesAsync(ct);
                record.Publish(item.Id, ReportSnapshot.Write(content), by, now);
                db.RecordEvent(actors.Current ?? AuditActor.System, "AnnualReportPublished", nameof(AnnualReport), $"{year}:{target.Code}",
                    new { year, body = target.Code, itemId = item.Id, item.IndexNumber, includeDepartments = record.IncludeDepartments });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new PublishOutcome(true, [], item.Id, item.IndexNumber);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another publication took the same 索引号 first (or published this report): start again.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
        }
    }
}
