using System.Globalization;
using Gongkai.Data;
using Gongkai.Domain.Publishing;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue;

/// <summary>An item as the API and the forms send it: departments, categories and themes by code.</summary>
public sealed record ItemInput(
    string? Title, string? Department, string? WrittenOn, string? Category, string? DocumentNumber,
    string? Theme, string? Keywords, string? Summary, string? Body, string? Kind = null, long? InterpretsItemId = null,
    string? PersonalDataOverrideReason = null);

public static class ItemInputResolver
{
    /// <summary>Resolves codes to ids and checks each field; throws <see cref="InputException"/> listing every bad field.</summary>
    public static async Task<ItemContent> ResolveAsync(GongkaiDbContext db, ItemInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Title)) errors["title"] = ["请填写标题"];
        else if (input.Title.Trim().Length > 200) errors["title"] = ["标题不超过200个字"];
        if (string.IsNullOrWhiteSpace(input.Body)) errors["body"] = ["请填写正文"];

        int departmentId = 0, categoryId = 0;
        int? themeId = null;
        if (string.IsNullOrWhiteSpace(input.Department)) errors["department"] = ["请选择发布机构"];
        else
        {
            var code = input.Department.Trim().ToLowerInvariant();
            departmentId = await db.Departments.Where(d => d.Code == code && d.IsActive).Select(d => d.Id).FirstOrDefaultAsync(ct);
            if (departmentId == 0) errors["department"] = [$"没有代码为“{input.Department}”的机构"];
        }
        if (string.IsNullOrWhiteSpace(input.Category)) errors["category"] = ["请选择公开目录分类"];
        else
        {
            categoryId = await db.Categories.Where(c => c.Code == input.Category.Trim() && c.IsActive).Select(c => c.Id).FirstOrDefaultAsync(ct);
            if (categoryId == 0) errors["category"] = [$"没有代码为“{input.Category}”的目录分类"];
        }
        if (!string.IsNullOrWhiteSpace(input.Theme))
        {
            themeId = await db.Themes.Where(t => t.Code == input.Theme.Trim()).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            if (themeId is null) errors["theme"] = [$"没有代码为“{input.Theme}”的主题分类"];
        }
        DateOnly writtenOn = default;
        if (string.IsNullOrWhiteSpace(input.WrittenOn)) errors["writtenOn"] = ["请填写成文日期"];
        else if (!DateOnly.TryParseExact(input.WrittenOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out writtenOn) || writtenOn.Year < 1949 || writtenOn.Year > 2100)
            errors["writtenOn"] = [$"成文日期“{input.WrittenOn}”无效，格式应为 YYYY-MM-DD"];
        var kind = DocumentKind.Ordinary;
        if (!string.IsNullOrWhiteSpace(input.Kind) && !Enum.TryParse(input.Kind, ignoreCase: true, out kind))
            errors["kind"] = ["文件类型应为 Ordinary、Rule、NormativeDocument 或 Interpretation"];
        if (kind == DocumentKind.Interpretation)
        {
            if (input.InterpretsItemId is null) errors["interpretsItemId"] = ["政策解读须填写所解读文件的编号"];
            else if (!await db.Items.AnyAsync(i => i.Id == input.InterpretsItemId && i.Kind != DocumentKind.Interpretation, ct))
                errors["interpretsItemId"] = ["所解读的文件不存在"];
        }
        foreach (var (field, value, max) in new[] { ("documentNumber", input.DocumentNumber, 100), ("keywords", input.Keywords, 200), ("summary", input.Summary, 1000) })
            if ((value ?? "").Length > max) errors[field] = [$"不超过{max}个字"];
        if (errors.Count > 0) throw new InputException(errors);

        return new ItemContent(input.Title!.Trim(), departmentId, categoryId, writtenOn, HtmlBody.Clean(input.Body!),
            input.DocumentNumber, themeId, input.Keywords, input.Summary, kind, DisclosureMode.Proactive,
            kind == DocumentKind.Interpretation ? input.InterpretsItemId : null);
    }
}
