namespace Gongkai.Domain.Publishing;

/// <summary>The editable metadata and text of an item (everything but its state and 索引号).</summary>
public sealed record ItemContent(
    string Title,
    int DepartmentId,
    int CategoryId,
    DateOnly WrittenOn,
    string Body,
    string? DocumentNumber = null,
    int? ThemeId = null,
    string? Keywords = null,
    string? Summary = null,
    DocumentKind Kind = DocumentKind.Ordinary,
    DisclosureMode Mode = DisclosureMode.Proactive,
    long? InterpretsItemId = null);
