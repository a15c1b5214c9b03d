using System.Globalization;
using Gongkai.Data;
using Gongkai.Domain.Common;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue.Admin;

/// <summary>
/// /admin/items/new and /admin/items/{id}: the item form, its state and the workflow actions the
/// caller may take, its attachments and related items. Actions are in EditItem.Actions.cs and
/// EditItem.Parts.cs. Every failure re-renders the page with what was typed and the errors in Chinese.
/// </summary>
public sealed partial class EditItemModel(
    GongkaiDbContext db, DepartmentScope scope, ItemWorkflow workflow, ItemRelations relations, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<CatalogueOptions> catalogue) : PageModel
{
    public sealed class ItemForm
    {
        public string? Title { get; set; }
        public string? Department { get; set; }
        public string? DocumentNumber { get; set; }
        public string? WrittenOn { get; set; }
        public string? Category { get; set; }
        public string? Theme { get; set; }
        public string? Keywords { get; set; }
        public string? Summary { get; set; }
        public string? Kind { get; set; }
        public string? InterpretsItemId { get; set; }
        public string? Body { get; set; }
        /// <summary>A reviewer's reason to publish a revision in which personal data was found.</summary>
        public string? PersonalDataOverrideReason { get; set; }
        public bool PersonalDataOverrideConfirm { get; set; }
    }

    public sealed record ItemView(
        long Id, ItemState State, string? StateReason, string? IndexNumber, int Version, int DepartmentId, string DepartmentName,
        DateTime? ScheduledFor, DateOnly? PublishedOn, Validity Validity, DateOnly? ValidityChangedOn, string CreatedBy, DateTime UpdatedAt);

    public sealed record AttachmentRow(long Id, string FileName, string ContentType, long Size, string Sha256, int? TextLength, DateTime UploadedAt);

    [BindProperty] public ItemForm Input { get; set; } = new();

    public ItemView? Item { get; private set; }
    public bool IsNew => Item is null;
    public List<AttachmentRow> Attachments { get; private set; } = [];
    public List<RelatedLink> Related { get; private set; } = [];
    /// <summary>Personal data in what would be published; set by a refused approval or revision, or found on load.</summary>
    public IReadOnlyList<PersonalDataHit> Hits { get; private set; } = [];
    public List<Choice> Departments { get; private set; } = [];
    public List<Choice> Categories { get; private set; } = [];
    public List<Choice> Themes { get; private set; } = [];
    public string? FixedDepartmentName { get; private set; }

    /// <summary>The values typed into the action forms, shown again when an action is refused.</summary>
    public Dictionary<string, string?> Typed { get; } = [];

    public bool CanWrite => Item is null ? CanCreate : scope.CanWrite(Item.DepartmentId);
    public bool CanCreate => scope.WritesAll || (scope.IsStaff && !scope.ReadsAll && scope.DepartmentId is not null);
    /// <summary>Drafts and returned items are edited freely; a published one is revised (a new version).</summary>
    public bool CanEdit => CanWrite && (Item is null || Item.State is ItemState.Draft or ItemState.Returned or ItemState.Published);
    public bool CanReview => CanWrite && (User.IsInRole(StaffRoles.Reviewer) || User.IsInRole(StaffRoles.OfficeAdmin));
    public DateOnly Today => ChinaTime.Today(clock);
    public long MaxAttachmentBytes => catalogue.Value.MaxAttachmentBytes;

    /// <summary>Where an action form posts: the item's own address, whatever address this page was reached by.</summary>
    public string ActionUrl(string handler) => $"/admin/items/{Item!.Id}?handler={handler}";

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        if (id is null)
        {
            if (!CanCreate) return Forbid();
            Input = new ItemForm { WrittenOn = Iso(Today), Kind = nameof(DocumentKind.Ordinary) };
            await LoadChoicesAsync(ct);
            return Page();
        }
        return await LoadAsync(id.Value, fillInput: true, ct) ? Page() : NotFound();
    }

    /// <summary>Saves the form: creates a draft, or edits (revises, when published) an existing item.</summary>
    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        if (id is not null && !await LoadAsync(id.Value, fillInput: false, ct)) return NotFound();
        if (id is null && !CanCreate) return Forbid();
        if (!CanEdit) return Forbid();
        if (!scope.WritesAll)
        {
            // Editors and reviewers publish for their own department only: whatever the form says.
            var own = Item?.DepartmentId ?? scope.DepartmentId;
            Input.Department = await db.Departments.Where(d => d.Id == own).Select(d => d.Code).FirstOrDefaultAsync(ct);
        }
        long? interprets = null;
        if (!string.IsNullOrWhiteSpace(Input.InterpretsItemId))
        {
            if (long.TryParse(Input.InterpretsItemId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) interprets = n;
            else AddError("Input_InterpretsItemId", "所解读文件编号应为数字（该文件在后台的编号）");
        }
        var overriding = !string.IsNullOrWhiteSpace(Input.PersonalDataOverrideReason);
        if (overriding && !Input.PersonalDataOverrideConfirm)
            AddError("Input_PersonalDataOverrideConfirm", "请勾选“我已确认”后再保存");
        if (HasErrors) return await RedisplayAsync(id, ct);

        var input = new ItemInput(Input.Title, Input.Department, Input.WrittenOn, Input.Category, Input.DocumentNumber, Input.Theme,
            Input.Keywords, Input.Summary, Input.Body, Input.Kind, Input.Kind == nameof(DocumentKind.Interpretation) ? interprets : null,
            overriding ? Input.PersonalDataOverrideReason : null);
        try
        {
            var item = id is null ? await workflow.CreateAsync(input, ct) : await workflow.UpdateAsync(id.Value, input, ct);
            TempData["Message"] = id is null ? $"草稿“{item.Title}”已保存。"
                : item.State == ItemState.Published ? $"已保存为第 {item.Version} 版，修改前的版本可在“历史版本”中查看。" : "已保存。";
            return Redirect($"/admin/items/{item.Id}");
        }
        catch (Exception e) when (Refusal(e))
        {
            Show(e);
            return await RedisplayAsync(id, ct);
        }
    }

    private async Task<IActionResult> RedisplayAsync(long? id, CancellationToken ct)
    {
        if (id is null) await LoadChoicesAsync(ct);
        else await LoadAsync(id.Value, fillInput: false, ct);
        return Page();
    }

    /// <summary>Loads the item and everything the page shows; false when it does not exist or is another department's.</summary>
    private async Task<bool> LoadAsync(long id, bool fillInput, CancellationToken ct)
    {
        var row = await (
            from x in db.Items.AsNoTracking()
            where x.Id == id
            join d in db.Departments on x.DepartmentId equals d.Id
            join c in db.Categories on x.CategoryId equals c.Id
            join t in db.Themes on x.ThemeId equals t.Id into themes
            from t in themes.DefaultIfEmpty()
            select new { Item = x, DepartmentCode = d.Code, DepartmentName = d.Name, CategoryCode = c.Code, ThemeCode = t == null ? null : t.Code })
            .FirstOrDefaultAsync(ct);
        if (row is null || !scope.CanRead(row.Item.DepartmentId)) return false;
        var i = row.Item;
        Item = new ItemView(i.Id, i.State, i.StateReason, i.IndexNumber, i.Version, i.DepartmentId, row.DepartmentName,
            i.ScheduledFor, i.PublishedOn, i.Validity, i.ValidityChangedOn, i.CreatedBy, i.UpdatedAt);
        if (fillInput)
        {
            Input = new ItemForm
            {
                Title = i.Title, Department = row.DepartmentCode, DocumentNumber = i.DocumentNumber, WrittenOn = Iso(i.WrittenOn),
                Category = row.CategoryCode, Theme = row.ThemeCode, Keywords = i.Keywords, Summary = i.Summary, Kind = i.Kind.ToString(),
                InterpretsItemId = i.InterpretsItemId?.ToString(CultureInfo.InvariantCulture), Body = i.Body,
            };
        }
        var files = await db.ItemAttachments.AsNoTracking().Where(a => a.ItemId == id).OrderBy(a => a.Id).ToListAsync(ct);
        Attachments = files.Select(a => new AttachmentRow(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.ExtractedText?.Length, a.UploadedAt)).ToList();
        Related = await relations.ListAsync(id, ct);
        // What the reviewer will be stopped by, shown early so that the editor can fix it first.
        if (Hits.Count == 0 && i.State is not (ItemState.Published or ItemState.Withdrawn))
            Hits = PersonalDataCheck.Run(i, files);
        await LoadChoicesAsync(ct);
        return true;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Categories = await ItemChoices.CategoriesAsync(db, ct);
        Themes = await ItemChoices.ThemesAsync(db, ct);
        if (scope.WritesAll) Departments = await ItemChoices.DepartmentsAsync(db, ct);
        var fixedId = Item?.DepartmentId ?? scope.DepartmentId;
        if (!scope.WritesAll && fixedId is not null)
            FixedDepartmentName = Item?.DepartmentName ?? await db.Departments.Where(d => d.Id == fixedId).Select(d => d.Name).FirstOrDefaultAsync(ct);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
