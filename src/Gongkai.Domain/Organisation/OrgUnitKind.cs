namespace Gongkai.Domain.Organisation;

/// <summary>The kinds of body that publish information in a district.</summary>
public enum OrgUnitKind
{
    /// <summary>区人民政府 (the district government itself).</summary>
    Government = 0,
    /// <summary>区政府工作部门 (a department of the district government).</summary>
    Department = 1,
    /// <summary>街道办事处.</summary>
    Street = 2,
    /// <summary>乡镇人民政府.</summary>
    Town = 3,
}

/// <summary>Grassroots units below a street or town.</summary>
public enum CommunityKind
{
    /// <summary>社区 (urban community, under a street).</summary>
    Community = 0,
    /// <summary>村 / 村屯 (village, under a town).</summary>
    Village = 1,
}

public static class OrgUnitKindNames
{
    public static string ToChinese(this OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.Government => "区人民政府",
        OrgUnitKind.Department => "政府工作部门",
        OrgUnitKind.Street => "街道办事处",
        OrgUnitKind.Town => "乡镇人民政府",
        _ => kind.ToString(),
    };

    public static string ToChinese(this CommunityKind kind) => kind == CommunityKind.Village ? "村" : "社区";
}
