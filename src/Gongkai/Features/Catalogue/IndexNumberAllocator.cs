using Gongkai.Data;
using Gongkai.Domain.Disclosure;
using Gongkai.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Catalogue;

/// <summary>
/// Gives the next 索引号 of a department: the sequence restarts each year (when the template has
/// {YYYY}), numbers are never reused, and two approvals at once never get the same number (the
/// sequence row is a concurrency token and the 索引号 column is unique; the caller retries).
/// </summary>
public sealed class IndexNumberAllocator(GongkaiDbContext db, IOptions<CatalogueOptions> options)
{
    public async Task<string> NextAsync(Department department, int year, CancellationToken ct)
    {
        var template = IndexNumberTemplate.Parse(options.Value.IndexNumberTemplate);
        var key = template.RestartsYearly ? year : 0;
        var row = await db.IndexNumberSequences.FirstOrDefaultAsync(s => s.DepartmentId == department.Id && s.Year == key, ct);
        if (row is null)
        {
            row = new IndexNumberSequence { DepartmentId = department.Id, Year = key, LastValue = 0 };
            db.IndexNumberSequences.Add(row);
        }
        row.LastValue++;
        return template.Format(department.CreditCode, department.Code, year, row.LastValue);
    }
}
