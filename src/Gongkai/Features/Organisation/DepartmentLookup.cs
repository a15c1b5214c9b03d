using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Organisation;

/// <summary>Finds a body by the code forms and the API name it by (case and spaces forgiven).</summary>
public static class DepartmentLookup
{
    /// <summary>The id of the body with <paramref name="code"/>, or null; <paramref name="activeOnly"/> leaves out abolished bodies.</summary>
    public static Task<int?> IdByCodeAsync(this IQueryable<Department> departments, string? code, bool activeOnly, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return Task.FromResult<int?>(null);
        var key = code.Trim().ToLowerInvariant();
        return departments.Where(d => d.Code == key && (!activeOnly || d.IsActive)).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
    }
}
