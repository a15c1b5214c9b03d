namespace Gongkai.Domain.Common;

/// <summary>
/// A rule of the domain refused an operation. <see cref="Exception.Message"/> is plain Chinese
/// that the UI and the API show to the user as it is.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string message) : base(message) { }
    public DomainException(string message, Exception inner) : base(message, inner) { }
    public DomainException() { }
}
