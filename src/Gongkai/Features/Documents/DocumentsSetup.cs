using Microsoft.Extensions.Options;

namespace Gongkai.Features.Documents;

/// <summary>Official documents as DOCX and PDF (reply letters, the annual report): inject DocxWriter or PdfWriter.</summary>
public static class DocumentsSetup
{
    public static void AddDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DocumentOptions>()
            .BindConfiguration(DocumentOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DocumentOptions>, DocumentOptionsValidator>();
        builder.Services.AddSingleton<DocumentFonts>();
        builder.Services.AddSingleton<DocxWriter>();
        builder.Services.AddSingleton<PdfWriter>();
    }
}
