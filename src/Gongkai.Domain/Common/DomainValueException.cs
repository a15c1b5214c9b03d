namespace Gongkai.Domain.Common;

/// <summary>
/// A value the rules refuse although the operation itself is allowed now: a date before receipt or
/// in the future, an extension longer than the 条例 permits, a correction notice after its 7 working
/// days. The API answers 422; the message is Chinese.
/// </summary>
public class DomainValueException : DomainException
{
    public DomainValueException(string message) : base(message) { }
    public DomainValueException(string message, Exception inner) : base(message, inner) { }
    public DomainValueException() { }
}
