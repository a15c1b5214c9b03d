using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Features.Documents;

namespace Gongkai.Features.Applications.Letters;

/// <summary>
/// A composed reply letter, as it was sent: kept as JSON in <see cref="ReplyLetter.Snapshot"/>, so the
/// files can be written (again) at any time with exactly this text, whatever the templates say by then.
/// </summary>
/// <param name="Outcome">The outcome's API code, for the record.</param>
public sealed record LetterContent(
    string Outcome, string Title, string Number, string Recipient, IReadOnlyList<string> Paragraphs, string SignedBy, DateOnly Date)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static LetterContent FromJson(string json) =>
        JsonSerializer.Deserialize<LetterContent>(json, Json) ?? throw new InvalidDataException("Empty reply letter snapshot.");

    /// <summary>The official document both writers lay out (GB/T 9704: title, 发文字号, addressee, body, signature).</summary>
    public OfficialDocument ToDocument()
    {
        var document = new OfficialDocument(Title) { DocumentNumber = Number, Recipient = Recipient };
        foreach (var paragraph in Paragraphs) document.Paragraph(paragraph);
        return document.SignedBy(SignedBy, Date);
    }
}
