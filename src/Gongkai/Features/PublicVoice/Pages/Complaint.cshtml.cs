using Gongkai.Data;
using Gongkai.Domain.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Features.PublicVoice.Pages;

/// <summary>
/// /complaints/new (效能投诉): a complaint about a unit's or an official's conduct. Name and contact
/// are required; only the office's supervision staff ever see it (<see cref="CaseActor"/>).
/// </summary>
[EnableRateLimiting(VoicePagesSetup.SubmitPagePolicy)]
[RequestSizeLimit(CaseAttachments.PageUploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = CaseAttachments.PageUploadLimit)]
public sealed class ComplaintModel(GongkaiDbContext db, CaseWorkflow workflow, HumanCheck human, SimilarCases similar)
    : CaseFormPage(db, workflow, human, similar)
{
    public override CaseKind Kind => CaseKind.Complaint;
}
