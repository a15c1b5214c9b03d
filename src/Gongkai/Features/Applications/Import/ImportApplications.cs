using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Features.Audit;
using Gongkai.Features.Catalogue.Oversight.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Applications.Import;

/// <summary>A problem with one cell of one row (row numbers as Excel shows them: the header is row 1).</summary>
public sealed record RefusedCell(int Row, string Column, string Message);

/// <summary>A row that became an application, with the due date and status the replay gave it.</summary>
public sealed record ImportedApplication(int Row, long? Id, string TrackingCode, string Status, string StatusName, DateOnly? DueOn, string? Outcome);

/// <summary>A row imported before (same 原跟踪码, or same receipt date, department, applicant and content): left alone.</summary>
public sealed record SkippedRow(int Row, long Id, string TrackingCode);

/// <summary>
/// The report. <see cref="Imported"/> counts the applications saved (in a check, those that would be);
/// <see cref="Refused"/> lists each refused cell, several per row when several cells are unreadable.
/// </summary>
public sealed record ApplicationImportReport(
    string FileName, bool DryRun, int Imported, IReadOnlyList<ImportedApplication> ImportedRows,
    IReadOnlyList<SkippedRow> Skipped, IReadOnlyList<RefusedCell> Refused)
{
    public int RefusedRows => Refused.Select(r => r.Row).Distinct().Count();
}

/// <summary>
/// Import of historical applications (an office that starts using Gongkai mid-year) from XLSX or
/// CSV. Each row is read, then replayed through the aggregate's own transitions with today = the
/// import day and the importing staff member as recorder (<see cref="ImportReplay"/>), then saved
/// in its own transaction (one SaveChanges: the application, its steps and their audit rows).
/// A row the rules refuse is reported and leaves nothing behind; the rows that pass are imported.
/// </summary>
public sealed class ImportApplications(
    GongkaiDbContext db, ApplicationWorkflow workflow, ApplicantProtector protector, IAuditActorAccessor actors,
    IOptions<ApplicationImportOptions> options)
{
    public long MaxBytes => options.Value.MaxBytes;
    public int MaxRows => options.Value.MaxRows;

    /// <param name="dryRun">Check every row as the import would, and save nothing: the page's confirmation step.</param>
    /// <exception cref="ImportFileException">The file as a whole is refused (empty, too large, wrong type or headers).</exception>
    public async Task<ApplicationImportReport> ImportAsync(string fileName, Stream content, long length, bool dryRun, CancellationToken ct)
    {
        var tooLarge = $"文件超过 {MaxBytes / 1024.0 / 1024:0.#} MB，请分成几个文件导入。";
        if (length == 0) throw new ImportFileException(400, "文件是空的。");
        if (length > MaxBytes) throw new ImportFileException(413, tooLarge);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes) throw new ImportFileException(413, tooLarge);

        var sheet = ItemSheetReader.Read(fileName, buffer.ToArray(), MaxRows);
        var columns = ApplicationImportColumns.MapHeaders(sheet.Headers);
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive)
            .Select(d => new ImportDepartment(d.Id, d.Code, d.Name)).ToListAsync(ct);
        var context = await workflow.ContextAsync(ct);

        var imported = new List<ImportedApplication>();
        var skipped = new List<SkippedRow>();
        var refused = new List<RefusedCell>();
        var seen = new Dictionary<string, int>(); // tracking code → row, for repeats within the file
        foreach (var sheetRow in sheet.Rows)
        {
            if (sheetRow.IsBlank) continue;
            var row = ImportedRow.Read(sheetRow, columns, departments, refused);
            if (row is null) continue;
            var code = ImportReplay.TrackingCode(row);
            // Within the file first, so a check and the import report a repeated row alike.
            if (seen.TryGetValue(code, out var first))
            {
                refused.Add(new RefusedCell(row.Number, Duplicate(row), $"与第{first}行是同一件申请，只导入一次"));
                continue;
            }
            var existing = await db.Applications.AsNoTracking().Where(a => a.TrackingCode == code).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
            if (existing is { } id) { skipped.Add(new SkippedRow(row.Number, id, code)); continue; }

            InformationApplication application;
            try
            {
                application = ImportReplay.Replay(row, context, protector, code);
            }
            catch (RowRefusedException e)
            {
                refused.Add(new RefusedCell(row.Number, e.Column, e.Message));
                continue;
            }
            seen[code] = row.Number;
            if (!dryRun && !await SaveAsync(application, row, refused, ct)) continue;
            imported.Add(new ImportedApplication(row.Number, dryRun ? null : application.Id, code, application.Status.Code(),
                application.Status.ToChinese(), application.DueOn, application.Outcome?.Code()));
        }

        var report = new ApplicationImportReport(fileName, dryRun, imported.Count, imported, skipped, refused);
        if (!dryRun)
        {
            db.RecordEvent(actors.Current ?? AuditActor.System, "ApplicationsImported", nameof(InformationApplication), "", new
            {
                file = fileName, imported = report.Imported, skipped = skipped.Count, refused = report.RefusedRows,
                ids = imported.Select(r => r.Id),
            });
            await db.SaveChangesAsync(ct);
        }
        return report;
    }

    private async Task<bool> SaveAsync(InformationApplication application, ImportedRow row, List<RefusedCell> refused, CancellationToken ct)
    {
        db.Applications.Add(application);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Nothing of the row was saved (one transaction), e.g. another import took the same code a moment ago.
            refused.Add(new RefusedCell(row.Number, Duplicate(row), "保存失败（可能正被同时导入），请稍后重新导入该文件"));
            return false;
        }
        finally
        {
            // Each row starts clean; a long file does not keep every application tracked.
            db.ChangeTracker.Clear();
        }
    }

    private static string Duplicate(ImportedRow row) => row.OriginalCode is null ? ApplicationImportColumns.Description : ApplicationImportColumns.OriginalCode;
}
