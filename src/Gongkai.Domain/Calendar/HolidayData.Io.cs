using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Gongkai.Domain.Calendar;

public static partial class HolidayData
{
    private const string ResourcePrefix = "Gongkai.Domain.Calendar.Data.";
    private const string ResourceSuffix = ".json";

    // The shipped data never changes at run time, so it is parsed once, on first use, by one thread.
    private static readonly Lazy<System.Collections.ObjectModel.ReadOnlyCollection<HolidayYear>> Shipped = new(ReadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    // Same layout as holiday-cn (4-space indent, LF, 春节 written as is rather than \u6625\u8282),
    // so an exported year diffs cleanly against the upstream file.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 4,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Writes a year in the holiday-cn format; <see cref="Parse"/> reads it back unchanged.</summary>
    public static string Serialize(HolidayYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("year", year.Year);
            writer.WriteStartArray("papers");
            foreach (var paper in year.Papers)
            {
                writer.WriteStringValue(paper);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("days");
            foreach (var day in year.Days)
            {
                writer.WriteStartObject();
                writer.WriteString("name", day.Name);
                writer.WriteString("date", Format(day.Date));
                writer.WriteBoolean("isOffDay", day.IsOffDay);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    /// <summary>
    /// All years embedded in this assembly (2007–2027), ascending, parsed once and cached.
    /// The server may have no internet access, so the official data ships inside the product.
    /// </summary>
    /// <exception cref="CalendarDataException">An embedded file is broken (a build problem).</exception>
    public static IReadOnlyList<HolidayYear> LoadShipped() => Shipped.Value;

    private static System.Collections.ObjectModel.ReadOnlyCollection<HolidayYear> ReadShipped()
    {
        var assembly = typeof(HolidayData).Assembly;
        var years = new List<HolidayYear>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                || !resource.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[ResourcePrefix.Length..];
            var year = Parse(ReadResource(assembly, resource), fileName);
            // holiday-cn names each file after the notice year; a mismatch means a mis-copied file.
            if (fileName != $"{year.Year}{ResourceSuffix}")
            {
                throw new CalendarDataException($"{fileName}: says \"year\": {year.Year}, which does not match the file name");
            }

            years.Add(year);
        }

        if (years.Count == 0)
        {
            throw new CalendarDataException($"{assembly.GetName().Name}: no embedded holiday data found under {ResourcePrefix}");
        }

        years.Sort((a, b) => a.Year.CompareTo(b.Year));
        return years.AsReadOnly();
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new CalendarDataException($"{resource}: embedded resource cannot be opened");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
