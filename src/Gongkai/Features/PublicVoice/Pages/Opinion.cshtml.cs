using Gongkai.Data;
using Gongkai.Domain.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Features.PublicVoice.Pages;

/// <summary>/opinions/new (写信): an opinion, question or request to the district, without an account; name and contact optional.</summary>
[EnableRateLimiting(VoicePagesSetup.SubmitPagePolicy)]
[RequestSizeLimit(CaseAttachments.PageUploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = CaseAttachments.PageUploadLimit)]
public sealed class OpinionModel(GongkaiDbContext db, CaseWorkflow workflow, HumanCheck human, SimilarCases similar)
    : CaseFormPage(db, workflow, human, similar)
{
    public override CaseKind Kind => CaseKind.Opinion;
}
