using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Features.PublicVoice.Open311;

/// <summary>One record of a GeoReport v2 answer: its fields in the order the standard lists them.</summary>
public sealed class Open311Record : List<KeyValuePair<string, object?>>
{
    public void Add(string name, object? value) => Add(new KeyValuePair<string, object?>(name, value));
}

/// <summary>A list inside a record (a service definition's attributes): XML names each item <paramref name="ItemName"/>.</summary>
public sealed record Open311List(string ItemName, IReadOnlyList<object> Items);

/// <summary>
/// A GeoReport v2 answer in the format the path's suffix asks for: JSON (an array of records, or
/// one object) or XML (a root element holding one element per record, as the standard names them:
/// services/service, service_requests/request, errors/error). Text is UTF-8 with the XML declaration.
/// </summary>
public sealed class Open311Result(string format, string root, string item, IReadOnlyList<Open311Record> records, int status = 200, bool asObject = false) : IResult
{
    public const string Json = "json", Xml = "xml";

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int StatusCode => status;

    public static bool IsFormat(string? format) => format is Json or Xml;

    /// <summary>The format of a request by its path (…/requests.xml): errors answer in the format asked for; JSON otherwise.</summary>
    public static string FormatOf(PathString path) =>
        path.Value?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true ? Xml : Json;

    public static Open311Result Error(string format, int status, params string[] descriptions) =>
        new(IsFormat(format) ? format : Json, "errors", "error",
            descriptions.Select(d => new Open311Record { { "code", status }, { "description", d } }).ToList(), status);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        byte[] body;
        if (format == Xml)
        {
            response.ContentType = "text/xml; charset=utf-8";
            body = XmlBody();
        }
        else
        {
            response.ContentType = "application/json; charset=utf-8";
            body = JsonBody();
        }
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    private byte[] JsonBody()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonOptions))
        {
            if (asObject) WriteObject(w, records[0]);
            else
            {
                w.WriteStartArray();
                foreach (var r in records) WriteObject(w, r);
                w.WriteEndArray();
            }
        }
        return stream.ToArray();
    }

    private static void WriteObject(Utf8JsonWriter w, Open311Record record)
    {
        w.WriteStartObject();
        foreach (var (name, value) in record)
        {
            w.WritePropertyName(name);
            WriteValue(w, value);
        }
        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case double d: w.WriteNumberValue(d); break;
            case Open311Record r: WriteObject(w, r); break;
            case Open311List list:
                w.WriteStartArray();
                foreach (var x in list.Items) WriteValue(w, x);
                w.WriteEndArray();
                break;
            default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    private byte[] XmlBody()
    {
        var element = asObject ? Element(item, records[0]) : new XElement(root, records.Select(r => Element(item, r)));
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null), element);
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false }))
            doc.Save(w);
        return stream.ToArray();
    }

    private static XElement Element(string name, Open311Record record) =>
        new(name, record.Select(f => f.Value switch
        {
            Open311List list => new XElement(f.Key, list.Items.Select(x => x is Open311Record r ? Element(list.ItemName, r) : new XElement(list.ItemName, Text(x)))),
            Open311Record r => Element(f.Key, r),
            var v => new XElement(f.Key, Text(v)),
        }));

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>
/// Errors under /open311 answer in the GeoReport format ([{"code", "description"}] or
/// &lt;errors&gt;&lt;error&gt;), not ProblemDetails: the exception handler's answers, unknown routes
/// (404), wrong methods (405) and the shared filing limit (429) all pass through here, so a civic
/// app never meets a shape the standard does not define.
/// </summary>
internal sealed class Open311ProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => context.HttpContext.Request.Path.StartsWithSegments("/open311");

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var descriptions = context.ProblemDetails is HttpValidationProblemDetails v && v.Errors.Count > 0
            ? v.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}：{m}")).ToArray()
            : [context.ProblemDetails.Detail ?? Describe(status)];
        return new ValueTask(Open311Result.Error(Open311Result.FormatOf(http.Request.Path), status, descriptions).ExecuteAsync(http));
    }

    internal static string Describe(int status) => status switch
    {
        404 => "没有该接口或资源：请核对地址（如 /open311/v2/services.json）。",
        405 => "该地址不支持此请求方法。",
        429 => "同一地址提交过于频繁，请稍后再试。",
        _ => Problems.DetailFor(status),
    };
}
