using Gongkai.Domain.Common;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;

namespace Gongkai.Features.Catalogue.Admin;

/// <summary>The error summary and the per-field messages of the item page.</summary>
public sealed partial class EditItemModel
{
    public sealed record ErrorLine(string? FieldId, string Message);

    /// <summary>The fields of <see cref="ItemInput"/> as the resolver names them: the form's id and label for each.</summary>
    private static readonly Dictionary<string, (string Id, string Label)> Fields = new()
    {
        ["title"] = ("Input_Title", "标题"),
        ["department"] = ("Input_Department", "发布机构"),
        ["documentNumber"] = ("Input_DocumentNumber", "文号"),
        ["writtenOn"] = ("Input_WrittenOn", "成文日期"),
        ["category"] = ("Input_Category", "公开目录"),
        ["theme"] = ("Input_Theme", "主题分类"),
        ["keywords"] = ("Input_Keywords", "关键词"),
        ["summary"] = ("Input_Summary", "内容概述"),
        ["kind"] = ("Input_Kind", "文件类型"),
        ["interpretsItemId"] = ("Input_InterpretsItemId", "所解读文件编号"),
        ["body"] = ("Input_Body", "正文"),
        ["overrideReason"] = ("OverrideReason", "理由"),
        ["personalDataOverrideReason"] = ("Input_PersonalDataOverrideReason", "理由"),
    };

    public List<ErrorLine> Errors { get; } = [];
    private readonly Dictionary<string, string> _fieldErrors = [];

    public bool HasErrors => Errors.Count > 0;

    public void AddError(string? fieldId, string message)
    {
        Errors.Add(new ErrorLine(fieldId, message));
        if (fieldId is not null) _fieldErrors.TryAdd(fieldId, message);
    }

    public string? ErrorFor(string fieldId) => _fieldErrors.GetValueOrDefault(fieldId);

    /// <summary>The attributes of an input that may be in error: aria-invalid and aria-describedby pointing at its message.</summary>
    public string? ErrorId(string fieldId) => _fieldErrors.ContainsKey(fieldId) ? fieldId + "-error" : null;

    /// <summary>A refusal the page shows (as opposed to a fault, which goes to the error page).</summary>
    private static bool Refusal(Exception e) =>
        e is InputException or DomainException or PersonalDataFoundException or DepartmentScopeException or NotFoundException
            or Catalogue.Attachments.AttachmentRefusedException;

    private void Show(Exception e)
    {
        switch (e)
        {
            case InputException input:
                foreach (var (key, messages) in input.Errors)
                {
                    var (id, label) = Fields.TryGetValue(key, out var f) ? f : ((string?)null, key);
                    foreach (var m in messages) AddError(id, m.Contains(label, StringComparison.Ordinal) ? m : $"{label}：{m}");
                }
                break;
            case PersonalDataFoundException pii when Item?.State == Domain.Publishing.ItemState.Published:
                // A revision of a published item goes public at once: there is no review to override in.
                Hits = pii.Hits;
                AddError("personal-data", CanReview
                    ? $"修订后的内容中发现 {pii.Hits.Count} 处疑似个人信息，未保存。请删除或遮盖后重新保存；确需公开的，可在表单下方填写理由后仍然保存。"
                    : $"修订后的内容中发现 {pii.Hits.Count} 处疑似个人信息，未保存。请删除或遮盖后重新保存；确需公开的，请审核人修订。");
                break;
            case PersonalDataFoundException pii:
                Hits = pii.Hits;
                AddError("personal-data", $"发现 {pii.Hits.Count} 处疑似个人信息，不能发布。请删除或遮盖后重新提交；确需公开的，审核人可填写理由后仍然发布。");
                break;
            default:
                AddError(null, e.Message);
                break;
        }
    }
}
