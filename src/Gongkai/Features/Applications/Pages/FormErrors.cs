using Gongkai.Domain.Common;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Applications.Pages;

/// <summary>
/// The error summary and per-field messages of the application pages (portal and back office).
/// Each message belongs to a form field id, or to none (a refusal of the whole step); the page
/// shows them all at the top with links to the fields, and each one under its field.
/// </summary>
public sealed class FormErrors
{
    public sealed record Line(string? FieldId, string Message);

    private readonly List<Line> _lines = [];
    private readonly Dictionary<string, string> _byField = [];

    public IReadOnlyList<Line> Lines => _lines;
    public bool Any => _lines.Count > 0;

    public void Add(string? fieldId, string message)
    {
        _lines.Add(new Line(fieldId, message));
        if (fieldId is not null) _byField.TryAdd(fieldId, message);
    }

    public string? For(string fieldId) => _byField.GetValueOrDefault(fieldId);

    public bool Has(string fieldId) => _byField.ContainsKey(fieldId);

    /// <summary>aria-invalid="true" on a field in error, nothing otherwise.</summary>
    public string? Invalid(string fieldId) => Has(fieldId) ? "true" : null;

    public string? InputClass(string fieldId) => Has(fieldId) ? "input-error" : null;

    /// <summary>aria-describedby: the hint (if any) and the error message (if any).</summary>
    public string? DescribedBy(string fieldId, string? hintId = null)
    {
        var ids = new[] { hintId, Has(fieldId) ? fieldId + "-error" : null }.OfType<string>().ToArray();
        return ids.Length == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>The message under a field, with the id its aria-describedby points at.</summary>
    public IHtmlContent Under(string fieldId)
    {
        if (For(fieldId) is not { } message) return HtmlString.Empty;
        var p = new TagBuilder("p");
        p.AddCssClass("field-error");
        p.Attributes["id"] = fieldId + "-error";
        p.InnerHtml.Append(message);
        return p;
    }

    /// <summary>A refusal a page shows and keeps what was typed (as opposed to a fault, which goes to the error page).</summary>
    public static bool IsRefusal(Exception e) =>
        e is InputException or DomainException or DepartmentScopeException or NotFoundException or DbUpdateConcurrencyException;

    /// <summary>
    /// Shows a refusal: each field of an <see cref="InputException"/> under the form field that
    /// <paramref name="fields"/> maps its API name to; anything else as one message for the step.
    /// </summary>
    public void Show(Exception e, IReadOnlyDictionary<string, string> fields)
    {
        switch (e)
        {
            case InputException input:
                foreach (var (key, messages) in input.Errors)
                    foreach (var m in messages) Add(fields.GetValueOrDefault(key), m);
                break;
            case DbUpdateConcurrencyException:
                Add(null, "数据已被他人修改，请刷新页面后重试。");
                break;
            default:
                Add(null, e.Message);
                break;
        }
    }
}
