using Gongkai.Domain.Common;
using Gongkai.Domain.Organisation;

namespace Gongkai.Features.Organisation;

/// <summary>Field-by-field validation of a department edit, shared by the back-office page and the API.</summary>
public static class DepartmentEditing
{
    public static Dictionary<string, string[]> Apply(Department d, string? name, string? creditCode, string? duties,
        string? address, string? officeHours, string? phone, int? sortOrder)
    {
        var errors = new Dictionary<string, string[]>();
        Try(errors, "name", name, v => d.Rename(v));
        Try(errors, "creditCode", creditCode, v => d.ChangeCreditCode(v));
        Text(errors, "duties", duties, 4000, v => d.Duties = v);
        Text(errors, "address", address, 200, v => d.Address = v);
        Text(errors, "officeHours", officeHours, 200, v => d.OfficeHours = v);
        Text(errors, "phone", phone, 100, v => d.Phone = v);
        if (sortOrder is { } s)
        {
            if (s is < 0 or > 100000) errors["sortOrder"] = ["排序号应为0至100000之间的整数"];
            else d.SortOrder = s;
        }
        return errors;
    }

    public static void ReplaceLeaders(Department d, IReadOnlyList<LeaderDto> leaders, Dictionary<string, string[]> errors)
    {
        for (var i = 0; i < leaders.Count; i++)
        {
            var l = leaders[i];
            if (string.IsNullOrWhiteSpace(l.Name) || l.Name.Trim().Length > 50) errors[$"leaders[{i}].name"] = ["领导姓名不能为空，且不超过50个字"];
            if (string.IsNullOrWhiteSpace(l.Title) || l.Title.Trim().Length > 50) errors[$"leaders[{i}].title"] = ["职务不能为空，且不超过50个字"];
            if ((l.Responsibilities ?? "").Length > 1000) errors[$"leaders[{i}].responsibilities"] = ["分管工作不超过1000个字"];
        }
        if (errors.Count > 0) return;
        d.Leaders.Clear();
        for (var i = 0; i < leaders.Count; i++)
            d.Leaders.Add(new DepartmentLeader { Name = leaders[i].Name.Trim(), Title = leaders[i].Title.Trim(), Responsibilities = (leaders[i].Responsibilities ?? "").Trim(), SortOrder = i });
    }

    public static void ReplaceCommunities(Department d, IReadOnlyList<CommunityDto> communities, Dictionary<string, string[]> errors)
    {
        if (communities.Count > 0 && d.Kind is not (OrgUnitKind.Street or OrgUnitKind.Town))
        {
            errors["communities"] = ["只有街道办事处和乡镇可以下设社区或村"];
            return;
        }
        var names = new HashSet<string>();
        for (var i = 0; i < communities.Count; i++)
        {
            var name = (communities[i].Name ?? "").Trim();
            if (name.Length is 0 or > 100) errors[$"communities[{i}].name"] = ["社区（村）名称不能为空，且不超过100个字"];
            else if (!names.Add(name)) errors[$"communities[{i}].name"] = [$"“{name}”重复"];
        }
        if (errors.Count > 0) return;
        var kept = d.Communities.Where(c => names.Contains(c.Name)).ToList();
        d.Communities.RemoveAll(c => !names.Contains(c.Name));
        foreach (var c in communities)
        {
            var kind = c.Kind == nameof(CommunityKind.Village) || d.Kind == OrgUnitKind.Town ? CommunityKind.Village : CommunityKind.Community;
            var existing = kept.FirstOrDefault(k => k.Name == c.Name.Trim());
            if (existing is null) d.Communities.Add(new Community { Name = c.Name.Trim(), Kind = kind });
            else existing.Kind = kind;
        }
    }

    private static void Try(Dictionary<string, string[]> errors, string field, string? value, Action<string> apply)
    {
        if (value is null) return;
        try { apply(value); }
        catch (DomainException e) { errors[field] = [e.Message]; }
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int max, Action<string> apply)
    {
        if (value is null) return;
        if (value.Length > max) errors[field] = [$"不超过{max}个字"];
        else apply(value.Trim());
    }
}
