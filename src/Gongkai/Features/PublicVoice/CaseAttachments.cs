using Gongkai.Data;
using Gongkai.Domain.Cases;
using Gongkai.Features.Audit;
using Gongkai.Features.Catalogue.Attachments;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.PublicVoice;

/// <summary>
/// Files attached to a case by the citizen (with the tracking code and access key) or by staff (a
/// scanned letter, an enclosure of the answer): the same checks as catalogue attachments (type by
/// extension and by content, size, not empty), stored by content hash under files/cases/.
/// A citizen may attach up to <see cref="PublicVoiceOptions.MaxCitizenAttachments"/> files, while the case is open.
/// </summary>
public sealed class CaseAttachments(GongkaiDbContext db, AttachmentStore store, IOptions<PublicVoiceOptions> options, TimeProvider clock, IAuditActorAccessor actors)
{
    public long MaxBytes => options.Value.MaxAttachmentBytes;

    /// <summary>What a form post with files may carry: five files of the default 10 MB and the form around them.</summary>
    public const long PageUploadLimit = 52 * 1024 * 1024;

    /// <summary>
    /// Runs the checks of <see cref="AddAsync"/> on a file without keeping it: the portal form checks
    /// every file before it files the case, so a refused file never leaves a case half-made.
    /// </summary>
    public async Task CheckAsync(string? fileName, Stream content, CancellationToken ct)
    {
        var (_, _, staged) = await store.StageCheckedAsync(fileName, content, MaxBytes, ct);
        AttachmentStore.Discard(staged.TempPath);
    }

    public int MaxCitizenFiles => options.Value.MaxCitizenAttachments;

    public async Task<CaseAttachment> AddAsync(VoiceCase c, string? fileName, Stream content, bool fromCitizen, CancellationToken ct)
    {
        if (!c.Status.IsOpen()) throw new AttachmentRefusedException(StatusCodes.Status409Conflict, "该件已办结，不能再上传附件。");
        if (fromCitizen && await db.CaseAttachments.CountAsync(a => a.CaseId == c.Id && a.FromCitizen, ct) >= options.Value.MaxCitizenAttachments)
            throw new AttachmentRefusedException(StatusCodes.Status409Conflict, $"每件最多上传 {options.Value.MaxCitizenAttachments} 个附件。");
        var (name, format, staged) = await store.StageCheckedAsync(fileName, content, MaxBytes, ct);
        try
        {
            var row = new CaseAttachment
            {
                CaseId = c.Id, FileName = name, ContentType = format.ContentType, Size = staged.Size, Sha256 = staged.Sha256,
                StoredPath = $"cases/{ChinaTime.Today(clock).Year:D4}/{staged.Sha256[..2]}/{staged.Sha256}{format.Extension}",
                FromCitizen = fromCitizen, UploadedBy = fromCitizen ? CaseWorkflow.CitizenName : actors.Current?.Name ?? "",
                UploadedAt = clock.GetUtcNow().UtcDateTime,
            };
            await store.PlaceAndSaveAsync(staged, row.StoredPath, () =>
            {
                db.CaseAttachments.Add(row);
                return db.SaveChangesAsync(ct);
            }, ct);
            return row;
        }
        finally
        {
            AttachmentStore.Discard(staged.TempPath);
        }
    }

    public string FullPath(CaseAttachment a) => store.FullPath(a.StoredPath);
}
