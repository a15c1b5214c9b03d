using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Features.PublicVoice.Pages;

/// <summary>
/// The portal forms' check against automated spam, without a third-party CAPTCHA (the intranet
/// servers have no internet): a small sum in Chinese numerals (“七加五等于几？”). The answer and the
/// moment the form was served travel in a data-protected hidden field, so the server keeps no state;
/// the token expires after <see cref="Lifetime"/>, and a form sent back sooner than
/// <see cref="MinFillTime"/> is refused as a robot's. A hidden honeypot field does the rest.
/// A solved token is spent once the case is filed (<see cref="Spend"/>): replaying it is refused
/// by this instance until it would have expired anyway (another instance only has the rate limit).
/// </summary>
public sealed class HumanCheck(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MinFillTime = TimeSpan.FromSeconds(3);

    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    private readonly IDataProtector _protector = provider.CreateProtector("Gongkai.PublicVoice.HumanCheck.v1");
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTime> _spent = new(StringComparer.Ordinal);

    public sealed record Challenge(string Question, string Token);

    public enum Verdict { Passed, WrongAnswer, Expired, TooFast, Robot, Spent }

    public Challenge New()
    {
        var a = Random.Shared.Next(2, 10);
        var b = Random.Shared.Next(1, 10);
        var plus = a <= b || Random.Shared.Next(2) == 0;
        var issued = clock.GetUtcNow().UtcTicks;
        var token = _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{a}|{(plus ? '+' : '-')}|{b}|{issued}"));
        return new Challenge(Question(a, plus, b), token);
    }

    private static string Question(int a, bool plus, int b) => $"{Digits[a]}{(plus ? "加" : "减")}{Digits[b]}等于几？";

    /// <summary>The question of a token still valid, to show it again on a re-rendered form; null otherwise.</summary>
    public string? QuestionOf(string? token) =>
        Read(token) is { } t && Fresh(t.Issued) ? Question(t.A, t.Plus, t.B) : null;

    public Verdict Verify(string? token, string? answer, string? honeypot)
    {
        if (!string.IsNullOrEmpty(honeypot)) return Verdict.Robot;
        if (Read(token) is not { } t || !Fresh(t.Issued)) return Verdict.Expired;
        if (_spent.ContainsKey(token!)) return Verdict.Spent;
        if (clock.GetUtcNow().UtcDateTime - t.Issued < MinFillTime) return Verdict.TooFast;
        return Parse(answer) == (t.Plus ? t.A + t.B : t.A - t.B) ? Verdict.Passed : Verdict.WrongAnswer;
    }

    /// <summary>Marks a solved token as used (after the form it guarded was filed); forgets spent tokens once they have expired.</summary>
    public void Spend(string? token)
    {
        if (Read(token) is not { } t) return;
        var now = clock.GetUtcNow().UtcDateTime;
        _spent[token!] = t.Issued + Lifetime;
        if (_spent.Count > 1_000)
            foreach (var (old, until) in _spent)
                if (until < now) _spent.TryRemove(old, out _);
    }

    private bool Fresh(DateTime issued)
    {
        var age = clock.GetUtcNow().UtcDateTime - issued;
        return age <= Lifetime && age >= TimeSpan.FromMinutes(-1);
    }

    private (int A, bool Plus, int B, DateTime Issued)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        string plain;
        try
        {
            plain = _protector.Unprotect(token);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
        var p = plain.Split('|');
        if (p.Length != 4 || !int.TryParse(p[0], CultureInfo.InvariantCulture, out var a) || !int.TryParse(p[2], CultureInfo.InvariantCulture, out var b)
            || !long.TryParse(p[3], CultureInfo.InvariantCulture, out var ticks) || ticks < 0 || ticks > DateTime.MaxValue.Ticks) return null;
        return (a, p[1] == "+", b, new DateTime(ticks, DateTimeKind.Utc));
    }

    public static string Message(Verdict verdict) => verdict switch
    {
        Verdict.WrongAnswer => "验证题答案不正确，请重新计算下面的算式（已填写的内容都保留着）",
        Verdict.Expired => "验证题已过期（超过30分钟），请回答下面的新算式后再提交",
        Verdict.TooFast => "提交过快，请核对填写的内容，回答下面的算式后再提交",
        Verdict.Spent => "这道验证题已用于提交过一次，请回答下面的新算式后再提交（如需再写一封信，请确认不是重复提交）",
        _ => "未能通过验证，请回答下面的算式后再提交",
    };

    /// <summary>Arabic digits (half or full width) or a Chinese numeral up to 二十.</summary>
    internal static int? Parse(string? text)
    {
        var t = (text ?? "").Trim().Normalize(System.Text.NormalizationForm.FormKC);
        if (t.Length == 0) return null;
        if (int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        var i = Array.IndexOf(Digits, t);
        if (i >= 0) return i;
        if (t.Length == 2 && t[0] == '十' && Array.IndexOf(Digits, t[1..]) is var u and >= 1 and <= 9) return 10 + u;
        if (t == "二十") return 20;
        return null;
    }
}
