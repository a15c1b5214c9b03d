using Gongkai.Features.Accounts;
using Gongkai.Features.Catalogue.Oversight.Import;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Features.Applications.Import;

/// <summary>POST /api/admin/applications/import (the office's bearer token) and the templates the import page offers.</summary>
public static class ApplicationImportApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void AddApplicationImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApplicationImportOptions>().Bind(builder.Configuration.GetSection(ApplicationImportOptions.Section));
        builder.Services.AddScoped<ImportApplications>();
        builder.Services.AddSingleton<ImportStaging>();
    }

    public static void MapApplicationImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/applications/import", Import)
            .WithTags("依申请公开（工作人员）")
            .WithSummary("导入历史申请（公开办；multipart/form-data，字段 file：.xlsx 或 .csv，列见 /admin/applications/import）；dryRun=true 只校验不保存；逐行报告")
            .RequireAuthorization(Policies.ApiOfficeAdmin)
            .AddEndpointFilter<ActiveStaffFilter>()
            // Bearer tokens only, never a cookie: no cross-site form can reach it, so no antiforgery token.
            .DisableAntiforgery();

        var templates = app.MapGroup("/admin/applications/import").RequireAuthorization(Policies.OfficeAdmin).ExcludeFromDescription();
        templates.MapGet("/template.xlsx", () => TypedResults.File(ApplicationImportTemplate.Xlsx(), XlsxType, "申请导入模板.xlsx"));
        templates.MapGet("/template.csv", () => TypedResults.File(ApplicationImportTemplate.Csv(), "text/csv; charset=utf-8", "申请导入模板.csv"));
    }

    private static async Task<Results<Ok<ApplicationImportReport>, ProblemHttpResult>> Import(IFormFile? file, bool? dryRun, ImportApplications import, CancellationToken ct)
    {
        if (file is null) return Problems.Problem(400, "请以 multipart/form-data 上传文件（字段名 file，.xlsx 或 .csv）。");
        try
        {
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await import.ImportAsync(file.FileName, stream, file.Length, dryRun ?? false, ct));
        }
        catch (ImportFileException e)
        {
            return Problems.Problem(e.Status, e.Message, "文件未能导入");
        }
    }
}
