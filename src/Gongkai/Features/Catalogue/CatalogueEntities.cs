namespace Gongkai.Features.Catalogue;

/// <summary>
/// A column of the 政府信息公开目录: the items of 《条例》第二十条（一）–（十五）, the areas of
/// 第二十一条, the grassroots standard-catalogue areas (国办发〔2019〕54号), or one the office adds.
/// An editable tree.
/// </summary>
public class CatalogueCategory
{
    public int Id { get; set; }
    /// <summary>Stable code used by the API and imports, e.g. "a20-01", "a21-szjs", "jc-shjz".</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int? ParentId { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>The article it rests on, e.g. "第二十条（一）"; empty for local columns.</summary>
    public string Basis { get; set; } = "";
    /// <summary>Every department must publish in it (the completeness check looks for empty ones).</summary>
    public bool RequiredOfEveryDepartment { get; set; }
    /// <summary>Flag the column as stale when its newest item is older than this many days (0: never).</summary>
    public int StaleAfterDays { get; set; }
}

/// <summary>主题分类: the national two-level theme classification.</summary>
public class ThemeCategory
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int? ParentId { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A saved version of an item, written before each revision; staff can view them all.</summary>
public class ItemVersion
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public int Version { get; set; }
    /// <summary>The item's metadata and body at that version, as JSON.</summary>
    public string Snapshot { get; set; } = "";
    public DateTime SavedAt { get; set; }
    public string SavedBy { get; set; } = "";
}

/// <summary>A file attached to an item (PDF, DOCX, XLSX, images), stored under the data folder's files/.</summary>
public class ItemAttachment
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>Path relative to the files folder, e.g. "items/2026/ab/abcdef….pdf".</summary>
    public string StoredPath { get; set; } = "";
    public string Sha256 { get; set; } = "";
    /// <summary>Plain text for search and the personal-data check.</summary>
    public string? ExtractedText { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>A link between two related items (关联稿件); stored once per pair, shown on both.</summary>
public class ItemRelation
{
    public long ItemId { get; set; }
    public long RelatedItemId { get; set; }
}

/// <summary>The last 索引号 sequence number given per department and year (restarts each year).</summary>
public class IndexNumberSequence
{
    public int DepartmentId { get; set; }
    public int Year { get; set; }
    public int LastValue { get; set; }
}

/// <summary>
/// The change log the search index follows (STYLE.md §7): written in the same transaction as the
/// change; each instance keeps its own checkpoint (the last Id it indexed).
/// </summary>
public class ChangeLogEntry
{
    public long Id { get; set; }
    public string EntityType { get; set; } = "";
    public long EntityId { get; set; }
    public DateTime ChangedAt { get; set; }
}

/// <summary>
/// A catalogue column a department is responsible for beyond those every department has
/// (e.g. 民政局 for 社会救助 of the grassroots catalogue); the completeness check covers both.
/// </summary>
public class DepartmentCategoryDuty
{
    public int DepartmentId { get; set; }
    public int CategoryId { get; set; }
}
