using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Topics;

/// <summary>A topic as the office edits it (the page and PUT/POST /api/admin/case-topics).</summary>
public sealed record TopicInput(string? Code, string? Name, string? Group, string? Description, string? Keywords, string? DefaultDepartment, int? SortOrder, bool? Active);

/// <summary>A topic as lists and the API show it.</summary>
public sealed record TopicView(string Code, string Name, string Group, string Description, string Keywords, string? DefaultDepartment, string? DefaultDepartmentName, int SortOrder, bool Active);

/// <summary>
/// The office's topics of opinions (also the Open311 services): the code is fixed once created
/// (civic apps file by it); name, group, description, keywords, the usual department and whether
/// citizens can pick it are edited. A topic is deactivated rather than deleted: old cases keep it.
/// </summary>
public sealed partial class CaseTopicEditing(GongkaiDbContext db)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex CodePattern();

    public async Task<List<TopicView>> ListAsync(bool activeOnly, CancellationToken ct)
    {
        var departments = await db.Departments.ToDictionaryAsync(d => d.Id, d => (d.Code, d.Name), ct);
        var topics = await db.CaseTopics.AsNoTracking().Where(t => !activeOnly || t.Active).OrderBy(t => t.SortOrder).ThenBy(t => t.Code).ToListAsync(ct);
        return [.. topics.Select(t => View(t, departments))];
    }

    private static TopicView View(CaseTopic t, Dictionary<int, (string Code, string Name)> departments)
    {
        var d = t.DefaultDepartmentId is { } id && departments.TryGetValue(id, out var x) ? x : default;
        return new TopicView(t.Code, t.Name, t.Group, t.Description, t.Keywords, d.Code, d.Name, t.SortOrder, t.Active);
    }

    /// <summary>Creates (<paramref name="code"/> null) or updates a topic; returns the field errors, empty when saved.</summary>
    public async Task<(Dictionary<string, string[]> Errors, TopicView? Saved)> SaveAsync(string? code, TopicInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        CaseTopic? topic;
        if (code is null)
        {
            var newCode = (input.Code ?? "").Trim().ToLowerInvariant();
            if (!CodePattern().IsMatch(newCode)) errors["code"] = ["类别代码应为小写字母、数字和“-”，不超过50个字符"];
            else if (await db.CaseTopics.AnyAsync(t => t.Code == newCode, ct)) errors["code"] = [$"类别代码“{newCode}”已被使用"];
            topic = new CaseTopic { Code = newCode, Active = true };
        }
        else
        {
            topic = await db.CaseTopics.FirstOrDefaultAsync(t => t.Code == code, ct);
            if (topic is null) return (new() { ["code"] = [$"没有代码为“{code}”的类别"] }, null);
        }
        var name = (input.Name ?? "").Trim();
        if (name.Length is 0 or > 100) errors["name"] = ["请填写类别名称（不超过100个字）"];
        var group = (input.Group ?? "").Trim();
        if (group.Length > 100) errors["group"] = ["分组不超过100个字"];
        var description = (input.Description ?? "").Trim();
        if (description.Length > 500) errors["description"] = ["说明不超过500个字"];
        var keywords = (input.Keywords ?? "").Trim();
        if (keywords.Length > 300) errors["keywords"] = ["关键词不超过300个字"];
        int? department = null;
        if (!string.IsNullOrWhiteSpace(input.DefaultDepartment))
        {
            department = await db.Departments.IdByCodeAsync(input.DefaultDepartment, activeOnly: true, ct);
            if (department is null) errors["defaultDepartment"] = [$"没有代码为“{input.DefaultDepartment}”的部门"];
        }
        if (input.SortOrder is < 0 or > 100_000) errors["sortOrder"] = ["排序号应为 0 到 100000"];
        if (errors.Count > 0) return (errors, null);

        topic.Name = name;
        topic.Group = group;
        topic.Description = description;
        topic.Keywords = keywords;
        topic.DefaultDepartmentId = department;
        topic.SortOrder = input.SortOrder ?? topic.SortOrder;
        topic.Active = input.Active ?? topic.Active;
        if (code is null) db.CaseTopics.Add(topic);
        await db.SaveChangesAsync(ct);
        var departments = await db.Departments.ToDictionaryAsync(d => d.Id, d => (d.Code, d.Name), ct);
        return (errors, View(topic, departments));
    }
}
