using Gongkai.Features.Catalogue.Attachments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Catalogue.Admin;

/// <summary>The staff pages of the catalogue (items, attachments, review).</summary>
public static class CatalogueAdminSetup
{
    public static void AddCatalogueAdmin(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<AttachmentStore>();
        services.AddHostedService<StagingSweepService>();
        services.AddScoped<AttachFile>();
        services.AddScoped<RemoveAttachment>();
        services.AddScoped<ItemRelations>();
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<CatalogueOptions>>((o, catalogue) =>
        {
            // One page for a new item and an existing one.
            o.Conventions.AddPageRoute("/Catalogue/Admin/EditItem", "/admin/items/new");
            // The edit page takes uploads of up to the configured attachment size.
            var limit = catalogue.Value.MaxAttachmentBytes + AttachmentsApi.EnvelopeBytes;
            o.Conventions.AddPageApplicationModelConvention("/Catalogue/Admin/EditItem", page =>
            {
                // Routing applies the body size from the metadata; pages take form limits from a filter.
                foreach (var metadata in AttachmentsApi.UploadLimits(limit)) page.EndpointMetadata.Add(metadata);
                page.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limit });
            });
        });
    }

    public static void MapCatalogueAdmin(this IEndpointRouteBuilder app) => app.MapAttachments();
}
