using System.Text;

namespace Gongkai.Features.Catalogue.Oversight.Import;

/// <summary>
/// RFC 4180 records: quoted fields may hold separators, quotes ("") and line breaks. Each line
/// break outside quotes ends a record, so record N is row N in Excel (blank lines included).
/// </summary>
internal static class Csv
{
    public static IEnumerable<List<object?>> Parse(string text, char separator)
    {
        var field = new StringBuilder();
        var record = new List<object?>();
        var quoted = false;
        var any = false; // anything since the last record ended
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
                continue;
            }
            any = true;
            if (c == '"') quoted = true;
            else if (c == separator) { record.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                record.Add(field.ToString());
                field.Clear();
                yield return record;
                record = [];
                any = false;
            }
            else field.Append(c);
        }
        if (any || quoted)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
