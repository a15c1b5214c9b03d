using Gongkai.Features.Organisation;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Features.Accounts;

/// <summary>A staff account. Citizens never have accounts.</summary>
public class StaffUser : IdentityUser, IDepartmentOwned
{
    public string DisplayName { get; set; } = "";
    /// <summary>The department the account belongs to; its staff see only that department's non-public records.</summary>
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}

/// <summary>Records that belong to one department and are scoped by <see cref="DepartmentScope"/>.</summary>
public interface IDepartmentOwned
{
    int? DepartmentId { get; }
}
