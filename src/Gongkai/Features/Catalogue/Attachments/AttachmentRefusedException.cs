namespace Gongkai.Features.Catalogue.Attachments;

/// <summary>An upload that was refused (wrong type, too large, unreadable). The message is Chinese and says what to do.</summary>
public sealed class AttachmentRefusedException : Exception
{
    public int Status { get; }

    public AttachmentRefusedException(int status, string message, Exception? inner = null) : base(message, inner) => Status = status;

    public AttachmentRefusedException() : this(StatusCodes.Status400BadRequest, "附件未能上传") { }
    public AttachmentRefusedException(string message) : this(StatusCodes.Status400BadRequest, message) { }
    public AttachmentRefusedException(string message, Exception inner) : this(StatusCodes.Status400BadRequest, message, inner) { }
}
