using System.Globalization;
using System.Net;
using System.Text;
using Gongkai.Data;
using Gongkai.Domain.Cases;
using Gongkai.Domain.Common;
using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Gongkai.Features.Catalogue;
using Gongkai.Features.Documents;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.PublicVoice.Inspections;

public sealed record BulletinRequest(long[]? InspectionIds, long[]? ComplaintIds = null, string? Title = null, string? Body = null, string? Department = null);

public sealed record BulletinDraft(string Title, string Body);

public sealed record BulletinCreated(long ItemId, string Title);

/// <summary>
/// Bulletins (通报): drafted from inspections and substantiated complaints, edited by the
/// supervision staff, then created as a draft item in the 通报 column so that they go through the
/// catalogue's normal review and publication (the personal-data check at approval, 索引号).
/// A complainant's name and contact never go into a draft: a bulletin names the units and the
/// officials found at fault, and the sanctions, nothing about who complained.
/// </summary>
public sealed class BulletinService(GongkaiDbContext db, TimeProvider clock, IAuditActorAccessor actors, IHttpContextAccessor http, IServiceProvider services)
{
    /// <summary>The catalogue column bulletins are published in (seeded by <see cref="CatalogueSeeder"/>).</summary>
    public const string CategoryCode = "xntb";
    public const string CategoryName = "效能监察通报";
    public const int MaxEntries = 50;

    public async Task<BulletinDraft> DraftAsync(BulletinRequest input, CancellationToken ct)
    {
        var (inspections, complaints) = await LoadAsync(input, ct);
        return await ComposeAsync(inspections, complaints, ct);
    }

    public async Task<BulletinCreated> CreateAsync(BulletinRequest input, CancellationToken ct)
    {
        var (inspections, complaints) = await LoadAsync(input, ct);
        var errors = new Applications.FieldErrors();
        var title = errors.Text("title", input.Title, 200, "标题", required: false);
        var body = errors.Text("body", input.Body, 50000, "正文", required: false);
        var deptCode = input.Department;
        if (string.IsNullOrWhiteSpace(deptCode))
            deptCode = await db.Departments.Where(d => d.Kind == Domain.Organisation.OrgUnitKind.Government && d.IsActive).OrderBy(d => d.Id).Select(d => d.Code).FirstOrDefaultAsync(ct);
        errors.ThrowIfAny();
        if (title is null || body is null)
        {
            var draft = await ComposeAsync(inspections, complaints, ct);
            title ??= draft.Title;
            body ??= draft.Body;
        }
        if (!await db.Categories.AnyAsync(c => c.Code == CategoryCode && c.IsActive, ct))
            throw new DomainConflictException($"公开目录中没有代码为“{CategoryCode}”的{CategoryName}栏目，请先在目录管理中恢复该栏目");

        // The supervision staff belong to no department (StaffRoles.Inspector), so their own scope
        // writes no item. Starting a bulletin is the one item write they are given: a context and a
        // workflow with the system's department scope, but the inspector as the audit log's actor.
        await using var work = ElevatedWork();
        await using var transaction = await work.Db.Database.BeginTransactionAsync(ct);
        var item = await work.Workflow.CreateAsync(new ItemInput(title, deptCode, ChinaTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CategoryCode, null, null, "明察暗访,效能监察,通报", null, ToHtml(body)), ct);
        var ids = inspections.Select(i => i.Id).ToList();
        foreach (var i in await work.Db.Inspections.Where(i => ids.Contains(i.Id)).ToListAsync(ct)) i.BulletinItemId = item.Id;
        await work.Db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new BulletinCreated(item.Id, item.Title);
    }

    private async Task<(List<Inspection>, List<VoiceCase>)> LoadAsync(BulletinRequest input, CancellationToken ct)
    {
        var errors = new Applications.FieldErrors();
        var inspectionIds = (input.InspectionIds ?? []).Distinct().ToList();
        var complaintIds = (input.ComplaintIds ?? []).Distinct().ToList();
        if (inspectionIds.Count == 0 && complaintIds.Count == 0) errors.Add("inspectionIds", "请选择要通报的明察暗访记录或查实的投诉");
        if (inspectionIds.Count > MaxEntries || complaintIds.Count > MaxEntries) errors.Add("inspectionIds", $"一期通报的明察暗访记录和投诉各不超过{MaxEntries}件");
        var inspections = await db.Inspections.AsNoTracking().Where(i => inspectionIds.Contains(i.Id)).OrderBy(i => i.InspectedOn).ThenBy(i => i.Id).ToListAsync(ct);
        if (inspectionIds.Except(inspections.Select(i => i.Id)).FirstOrDefault() is var missing and > 0)
            errors.Add("inspectionIds", $"没有编号为 {missing} 的明察暗访记录");
        else if (inspections.FirstOrDefault(i => i.BulletinItemId is not null) is { } done)
            errors.Add("inspectionIds", $"编号为 {done.Id} 的明察暗访记录已编入通报（政府信息 {done.BulletinItemId}）");
        // Complaints are read through CaseActor's rule like everywhere else (only the supervision staff).
        var actor = CaseActor.For(http.HttpContext?.User);
        var complaints = await actor.Visible(db.Cases.AsNoTracking()).Where(c => complaintIds.Contains(c.Id) && c.Kind == CaseKind.Complaint).OrderBy(c => c.Id).ToListAsync(ct);
        if (complaintIds.Except(complaints.Select(c => c.Id)).FirstOrDefault() is var unknown and > 0)
            errors.Add("complaintIds", $"没有编号为 {unknown} 的效能投诉");
        else if (complaints.FirstOrDefault(c => c.Finding is not (ComplaintFinding.Substantiated or ComplaintFinding.PartlySubstantiated)) is { } open)
            errors.Add("complaintIds", $"效能投诉 {open.TrackingCode} 尚无查实的调查结论，不能通报");
        errors.ThrowIfAny();
        return (inspections, complaints);
    }

    private async Task<BulletinDraft> ComposeAsync(List<Inspection> inspections, List<VoiceCase> complaints, CancellationToken ct)
    {
        var deptIds = inspections.Select(i => i.DepartmentId ?? 0).Concat(complaints.Select(c => c.AccusedDepartmentId ?? 0)).Distinct().ToList();
        var names = await db.Departments.Where(d => deptIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        string Unit(int? id) => id is { } i && names.TryGetValue(i, out var n) ? n : "有关单位";
        var today = ChinaTime.Today(clock);
        var column = await db.Categories.Where(c => c.Code == CategoryCode).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        var from = new DateOnly(today.Year, 1, 1);
        var issue = 1 + (column is null ? 0 : await db.Items.CountAsync(i => i.CategoryId == column && i.WrittenOn >= from, ct));
        var title = $"关于{today.Year}年第{issue}期明察暗访情况的通报";

        var b = new StringBuilder();
        var n = 0;
        if (inspections.Count > 0)
        {
            var methods = string.Join("、", inspections.Select(i => i.Method).Distinct());
            var units = string.Join("、", inspections.Select(i => Unit(i.DepartmentId)).Distinct());
            b.AppendLine(CultureInfo.InvariantCulture, $"为进一步转变工作作风、提升服务效能，{ChineseText.Date(inspections[0].InspectedOn)}至{ChineseText.Date(inspections[^1].InspectedOn)}，区效能监察人员采取{methods}等方式，对{units}进行了检查。现将有关情况通报如下：");
            b.AppendLine(CultureInfo.InvariantCulture, $"{ChineseText.Numeral(++n)}、检查情况");
            var k = 0;
            foreach (var i in inspections)
                b.AppendLine(CultureInfo.InvariantCulture, $"（{ChineseText.Numeral(++k)}）{ChineseText.Date(i.InspectedOn)}，{i.Method}{Unit(i.DepartmentId)}（{i.Place}）：{Sentence(i.Findings)}");
            var withProblems = inspections.Where(i => !string.IsNullOrWhiteSpace(i.Problems)).ToList();
            if (withProblems.Count > 0)
            {
                b.AppendLine(CultureInfo.InvariantCulture, $"{ChineseText.Numeral(++n)}、发现的问题");
                k = 0;
                foreach (var i in withProblems)
                    b.AppendLine($"（{ChineseText.Numeral(++k)}）{Unit(i.DepartmentId)}：{Sentence(i.Problems!)}"
                        + (string.IsNullOrWhiteSpace(i.PersonsNamed) ? "" : $"涉及人员：{i.PersonsNamed.Trim()}。"));
            }
        }
        else b.AppendLine("为进一步转变工作作风、提升服务效能，现将近期效能投诉查处情况通报如下：");
        if (complaints.Count > 0)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"{ChineseText.Numeral(++n)}、效能投诉查处情况");
            var k = 0;
            foreach (var c in complaints)
            {
                var who = string.Join("", new[] { Unit(c.AccusedDepartmentId), c.AccusedPerson }.Where(s => !string.IsNullOrWhiteSpace(s)));
                b.AppendLine($"（{ChineseText.Numeral(++k)}）{who}：经调查，投诉{c.Finding!.Value.ToChinese()}。{Sentence(WithoutComplainant(c.Findings, c))}"
                    + (string.IsNullOrWhiteSpace(c.Sanctions) ? "" : $"处理：{Sentence(WithoutComplainant(c.Sanctions, c))}"));
            }
        }
        b.AppendLine(CultureInfo.InvariantCulture, $"{ChineseText.Numeral(++n)}、工作要求");
        b.AppendLine("各单位要举一反三，对照通报问题认真自查整改，切实改进工作作风，整改情况于10个工作日内书面报区政府办公室。");
        return new BulletinDraft(title, b.ToString().TrimEnd());
    }

    /// <summary>The complainant is never named in a bulletin, even where the investigator's text names them.</summary>
    private static string WithoutComplainant(string? text, VoiceCase c)
    {
        var t = (text ?? "").Trim();
        if (!string.IsNullOrWhiteSpace(c.CitizenName)) t = t.Replace(c.CitizenName.Trim(), "投诉人", StringComparison.Ordinal);
        return t;
    }

    private static string Sentence(string text)
    {
        var t = text.Trim().ReplaceLineEndings(" ");
        return t.Length == 0 || "。！？；".Contains(t[^1], StringComparison.Ordinal) ? t : t + "。";
    }

    /// <summary>Each line of the edited text becomes a paragraph (encoded: the text is never markup).</summary>
    public static string ToHtml(string text) =>
        string.Concat(text.ReplaceLineEndings("\n").Split('\n').Where(l => l.Trim().Length > 0).Select(l => $"<p>{WebUtility.HtmlEncode(l.Trim())}</p>"));

    private ElevatedBulletinWork ElevatedWork()
    {
        var actor = new FixedAuditActorAccessor(actors.Current);
        var scope = DepartmentScopeAccessor.Fixed(DepartmentScope.System);
        GongkaiDbContext context = services.GetRequiredService<DatabaseInfo>().Provider == DatabaseProvider.Sqlite
            ? new SqliteGongkaiDbContext(services.GetRequiredService<DbContextOptions<SqliteGongkaiDbContext>>(), actor, scope, clock)
            : new PostgresGongkaiDbContext(services.GetRequiredService<DbContextOptions<PostgresGongkaiDbContext>>(), actor, scope, clock);
        var numbers = new IndexNumberAllocator(context, services.GetRequiredService<IOptions<CatalogueOptions>>());
        return new ElevatedBulletinWork(context, new ItemWorkflow(context, DepartmentScope.System, numbers, clock, actor, http));
    }

    private sealed class ElevatedBulletinWork(GongkaiDbContext db, ItemWorkflow workflow) : IAsyncDisposable
    {
        public GongkaiDbContext Db { get; } = db;
        public ItemWorkflow Workflow { get; } = workflow;
        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }
}
