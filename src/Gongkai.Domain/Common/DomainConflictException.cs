namespace Gongkai.Domain.Common;

/// <summary>
/// The operation is not allowed in the record's current state (replying twice, a second extension,
/// a correction while none was asked for). The API answers 409; the message is Chinese.
/// </summary>
public class DomainConflictException : DomainException
{
    public DomainConflictException(string message) : base(message) { }
    public DomainConflictException(string message, Exception inner) : base(message, inner) { }
    public DomainConflictException() { }
}
