namespace Gongkai.Domain.Disclosure;

/// <summary>The kinds of personal data (个人信息) that block publication of an item.</summary>
public enum PersonalDataKind
{
    /// <summary>居民身份证号码 (GB 11643-1999, 18 characters).</summary>
    IdNumber,

    /// <summary>手机号码 (mainland China, 11 digits).</summary>
    MobileNumber,

    /// <summary>银行卡号 (16–19 digits with a Luhn check digit).</summary>
    BankCard,
}

/// <summary>
/// One piece of personal data found in a text that is about to be published.
/// </summary>
/// <param name="Kind">What was found.</param>
/// <param name="Source">Where, as the caller named the text: 「正文」, 「标题」, 「附件：xxx.pdf」.</param>
/// <param name="Offset">Start of the hit in that text, in UTF-16 code units. Covers the whole number
/// as written, with its separators and any +86 prefix.</param>
/// <param name="Length">Length of the hit in that text.</param>
/// <param name="Masked">The hit as written, with its middle digits replaced by '*'
/// (「2301**********1234」, 「138 **** 8000」).</param>
/// <param name="Context">About 15 characters either side of the hit, with every hit in it masked,
/// line breaks shown as spaces and '…' where the text was cut, so the user can find the place.</param>
public sealed record PersonalDataHit(PersonalDataKind Kind, string Source, int Offset, int Length, string Masked, string Context);
