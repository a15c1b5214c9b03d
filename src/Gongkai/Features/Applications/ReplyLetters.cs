using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongkai.Features.Applications;

/// <summary>One file of a reply letter (告知书), e.g. the DOCX or the PDF.</summary>
/// <param name="Label">What the link says, e.g. 答复告知书（PDF）.</param>
/// <param name="Url">Where it downloads from.</param>
public sealed record ReplyLetterLink(string Label, string Url);

/// <summary>
/// THE PLACE FOR THE REPLY LETTER LINKS. The letters themselves (告知书 from editable templates, DOCX
/// and PDF: issue 4, "Replies") are built elsewhere; that feature registers its own implementation
/// of this interface and the tracking page (/apply/track, partial _ReplyLetters) and the staff detail
/// page (/admin/applications/{id}) list whatever it returns. Until then there are none.
/// </summary>
public interface IReplyLetters
{
    /// <summary>The applicant's links, after the tracking page checked the code and the access key.</summary>
    Task<IReadOnlyList<ReplyLetterLink>> ForApplicantAsync(string trackingCode, string accessKey, CancellationToken ct);

    /// <summary>Staff links (the caller may already read the application).</summary>
    Task<IReadOnlyList<ReplyLetterLink>> ForStaffAsync(long applicationId, CancellationToken ct);
}

/// <summary>No letters yet.</summary>
internal sealed class NoReplyLetters : IReplyLetters
{
    public Task<IReadOnlyList<ReplyLetterLink>> ForApplicantAsync(string trackingCode, string accessKey, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ReplyLetterLink>>([]);

    public Task<IReadOnlyList<ReplyLetterLink>> ForStaffAsync(long applicationId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ReplyLetterLink>>([]);

    /// <summary>Registers this only when the letter feature has not registered its own (whichever is added first).</summary>
    public static void AddFallback(IServiceCollection services) => services.TryAddScoped<IReplyLetters, NoReplyLetters>();
}
