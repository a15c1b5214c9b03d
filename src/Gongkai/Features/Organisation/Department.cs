using Gongkai.Domain.Common;
using Gongkai.Domain.Organisation;

namespace Gongkai.Features.Organisation;

/// <summary>
/// A body that publishes information: the district government, one of its departments, or a
/// street/town. Its profile is what 《条例》第二十条（二） asks to publish (机构职能, 负责人, 地址,
/// 办公时间, 联系电话).
/// </summary>
public class Department
{
    public int Id { get; private set; }
    /// <summary>Short stable code used in URLs and the API (e.g. "fgj"). Lower-case letters, digits, '-'.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>统一社会信用代码 (GB 32100-2015).</summary>
    public string CreditCode { get; private set; } = "";
    public OrgUnitKind Kind { get; private set; }
    public string Duties { get; set; } = "";
    public string Address { get; set; } = "";
    public string OfficeHours { get; set; } = "";
    public string Phone { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsActive { get; private set; } = true;
    public List<DepartmentLeader> Leaders { get; private set; } = [];
    public List<Community> Communities { get; private set; } = [];

    private Department() { }

    public Department(string code, string name, string creditCode, OrgUnitKind kind)
    {
        Code = NormaliseCode(code);
        Rename(name);
        ChangeCreditCode(creditCode);
        Kind = kind;
    }

    public void Rename(string name)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 100) throw new DomainException("机构名称不能为空，且不超过100个字");
        Name = name;
    }

    public void ChangeCreditCode(string creditCode)
    {
        creditCode = (creditCode ?? "").Trim().ToUpperInvariant();
        var problem = Domain.Organisation.CreditCode.Check(creditCode);
        if (problem is not null) throw new DomainException(problem);
        CreditCode = creditCode;
    }

    public void Deactivate() => IsActive = false;
    public void Reactivate() => IsActive = true;

    public static string NormaliseCode(string code)
    {
        code = (code ?? "").Trim().ToLowerInvariant();
        if (code.Length is 0 or > 32 || !code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            throw new DomainException("机构代码只能由小写字母、数字和“-”组成，长度1至32");
        return code;
    }
}

/// <summary>A leader listed on the department's page (领导信息).</summary>
public class DepartmentLeader
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>职务, e.g. 局长.</summary>
    public string Title { get; set; } = "";
    /// <summary>分管工作.</summary>
    public string Responsibilities { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>A community (社区) under a street, or a village (村) under a town.</summary>
public class Community
{
    public int Id { get; set; }
    public int ParentId { get; set; }
    public Department? Parent { get; set; }
    public string Name { get; set; } = "";
    public CommunityKind Kind { get; set; }
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
}
