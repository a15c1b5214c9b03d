using System.Buffers.Binary;
using System.Text;

namespace Gongkai.Features.Documents;

/// <summary>
/// One face of a TrueType/OpenType font file as a standalone sfnt. PDFsharp reads single fonts only,
/// and the Chinese fonts of Linux distributions come as collections (.ttc): the face's table
/// directory is copied and its tables packed after it, so the result is an ordinary .ttf in memory.
/// </summary>
internal sealed class SfntFace
{
    private const uint TtcTag = 0x74746366;   // 'ttcf'
    private const uint CffOutlines = 0x4F54544F; // 'OTTO'

    private SfntFace(byte[] data, string familyName, bool hasTrueTypeOutlines)
    {
        Data = data;
        FamilyName = familyName;
        HasTrueTypeOutlines = hasTrueTypeOutlines;
    }

    public byte[] Data { get; }
    public string FamilyName { get; }

    /// <summary>False for CFF-based OpenType (e.g. Noto CJK): PDFsharp 6.2 can only subset and embed glyf outlines.</summary>
    public bool HasTrueTypeOutlines { get; }

    /// <summary>
    /// Reads a .ttf/.otf, or picks the face of a .ttc whose family names Simplified Chinese ("CN", "SC",
    /// "GB") and otherwise the first.
    /// </summary>
    public static SfntFace Load(string path)
    {
        var file = File.ReadAllBytes(path);
        if (file.Length < 12) throw new InvalidDataException("too short for a font");
        if (BinaryPrimitives.ReadUInt32BigEndian(file) != TtcTag)
            return FromOffset(file, 0, copy: false);

        var count = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(8));
        if (count < 1 || 12 + 4 * count > file.Length) throw new InvalidDataException("bad font collection header");
        var offsets = Enumerable.Range(0, count).Select(i => (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12 + 4 * i))).ToList();
        var chosen = offsets.FirstOrDefault(o => IsSimplifiedChinese(FamilyAt(file, o)), offsets[0]);
        return FromOffset(file, chosen, copy: true);
    }

    private static bool IsSimplifiedChinese(string family) =>
        family.EndsWith(" CN", StringComparison.Ordinal) || family.EndsWith(" SC", StringComparison.Ordinal)
        || family.Contains("GB", StringComparison.Ordinal);

    private static SfntFace FromOffset(byte[] file, int offset, bool copy)
    {
        var tables = Directory(file, offset);
        var trueType = tables.Any(t => t.Tag == "glyf") && BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset)) != CffOutlines;
        var data = copy ? Rebuild(file, offset, tables) : file;
        return new SfntFace(data, FamilyAt(file, offset), trueType);
    }

    private sealed record TableRecord(string Tag, uint Checksum, int Offset, int Length);

    private static List<TableRecord> Directory(byte[] file, int offset)
    {
        if (offset < 0 || offset + 12 > file.Length) throw new InvalidDataException("bad face offset");
        int count = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(offset + 4));
        if (offset + 12 + 16 * count > file.Length) throw new InvalidDataException("bad table directory");
        var tables = new List<TableRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var record = file.AsSpan(offset + 12 + 16 * i, 16);
            var table = new TableRecord(
                Encoding.ASCII.GetString(record[..4]),
                BinaryPrimitives.ReadUInt32BigEndian(record[4..]),
                (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]),
                (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            if (table.Offset < 0 || table.Length < 0 || (long)table.Offset + table.Length > file.Length)
                throw new InvalidDataException($"table {table.Tag} lies outside the file");
            tables.Add(table);
        }
        return tables;
    }

    /// <summary>A new sfnt: the face's header and directory, then each table 4-byte aligned (checksums stay valid).</summary>
    private static byte[] Rebuild(byte[] file, int offset, List<TableRecord> tables)
    {
        var headerLength = 12 + 16 * tables.Count;
        var total = headerLength + tables.Sum(t => (long)((t.Length + 3) & ~3));
        var result = new byte[total];
        file.AsSpan(offset, 12).CopyTo(result);
        var position = headerLength;
        for (var i = 0; i < tables.Count; i++)
        {
            var t = tables[i];
            var record = result.AsSpan(12 + 16 * i, 16);
            Encoding.ASCII.GetBytes(t.Tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], t.Checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)t.Length);
            file.AsSpan(t.Offset, t.Length).CopyTo(result.AsSpan(position));
            position += (t.Length + 3) & ~3;
        }
        return result;
    }

    /// <summary>The family name (name ID 1) from the 'name' table, preferring the Windows English record.</summary>
    private static string FamilyAt(byte[] file, int offset)
    {
        var name = Directory(file, offset).FirstOrDefault(t => t.Tag == "name");
        if (name is null || name.Length < 6) return "";
        var table = file.AsSpan(name.Offset, name.Length);
        int count = BinaryPrimitives.ReadUInt16BigEndian(table[2..]);
        int strings = BinaryPrimitives.ReadUInt16BigEndian(table[4..]);
        string? best = null;
        var bestRank = int.MaxValue;
        for (var i = 0; i < count && 6 + 12 * (i + 1) <= table.Length; i++)
        {
            var r = table.Slice(6 + 12 * i, 12);
            int platform = BinaryPrimitives.ReadUInt16BigEndian(r);
            int language = BinaryPrimitives.ReadUInt16BigEndian(r[4..]);
            int nameId = BinaryPrimitives.ReadUInt16BigEndian(r[6..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(r[8..]);
            int start = strings + BinaryPrimitives.ReadUInt16BigEndian(r[10..]);
            if (nameId != 1 || start + length > table.Length) continue;
            var rank = platform switch { 3 when language == 0x409 => 0, 3 => 1, 1 => 2, _ => 3 };
            if (rank >= bestRank || rank == 3) continue;
            var bytes = table.Slice(start, length);
            best = platform == 3 ? Encoding.BigEndianUnicode.GetString(bytes) : Encoding.Latin1.GetString(bytes);
            bestRank = rank;
        }
        return best ?? "";
    }
}
