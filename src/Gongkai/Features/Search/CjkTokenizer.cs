using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Gongkai.Features.Search;

/// <summary>
/// What <see cref="BigramTokenizer"/> and <see cref="GramTokenizer"/> share: the whole field is read
/// into one buffer and width- and case-folded there (<see cref="BigramAnalysis.Fold(char)"/>, one char
/// for one char, so offsets stay those of the original), and CJK characters are recognised, a
/// supplementary-plane Han character (𠮷) counting as one.
/// </summary>
internal abstract class CjkTokenizer : Tokenizer
{
    private char[] _text = new char[1024];
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;

    protected CjkTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <summary>The next token through <see cref="NextToken"/>: its text, offsets, and what the subclass adds (<see cref="SetAttributes"/>).</summary>
    public sealed override bool IncrementToken()
    {
        ClearAttributes();
        if (!NextToken(out var start, out var length, out var increment)) return false;
        _term.CopyBuffer(_text, start, length);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(start + length));
        SetAttributes(increment);
        return true;
    }

    /// <summary>The token's other attributes (type, position increment), after <see cref="NextToken"/>.</summary>
    protected abstract void SetAttributes(int increment);

    public sealed override void End()
    {
        base.End();
        var final = CorrectOffset(Length);
        _offset.SetOffset(final, final);
    }

    /// <summary>The folded text of the field; valid up to <see cref="Length"/>.</summary>
    protected char[] Text => _text;

    protected int Length { get; private set; }

    public override void Reset()
    {
        base.Reset();
        if (_text.Length > 1 << 16) _text = new char[1024]; // do not keep a huge attachment's buffer for the next, short field
        var length = 0;
        for (int read; (read = m_input.Read(_text, length, _text.Length - length)) > 0;)
        {
            length += read;
            if (length == _text.Length) Array.Resize(ref _text, _text.Length * 2);
        }
        for (var i = 0; i < length; i++) _text[i] = BigramAnalysis.Fold(_text[i]);
        Length = length;
    }

    /// <summary>
    /// The next token as a stretch of <see cref="Folded"/> and its position increment, without touching
    /// the token attributes: <see cref="SegmentBuilder"/> reads tokens this way, IncrementToken
    /// through it, so both see the same tokens.
    /// </summary>
    public abstract bool NextToken(out int start, out int length, out int increment);

    /// <summary>The folded text of the field, for <see cref="NextToken"/>'s stretches.</summary>
    public ReadOnlySpan<char> Folded => _text.AsSpan(0, Length);

    /// <summary>1 or 2 (a surrogate pair) when a CJK character starts at <paramref name="i"/>, else 0.</summary>
    protected int CjkWidth(int i) => CjkWidth(_text.AsSpan(0, Length), i);

    /// <summary>1 or 2 (a surrogate pair) when a CJK character starts at <paramref name="i"/> of <paramref name="text"/>, else 0.</summary>
    public static int CjkWidth(ReadOnlySpan<char> text, int i)
    {
        if (i >= text.Length) return 0;
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            // Planes 2 and 3: CJK Unified Ideographs Extension B onwards (D840–D8BF high surrogates).
            return c is >= '\uD840' and <= '\uD8BF' && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 0;
        }
        return IsCjk(c) ? 1 : 0;
    }

    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF'   // CJK Unified Ideographs
          or >= '\u3400' and <= '\u4DBF'   // Extension A
          or >= '\uF900' and <= '\uFAFF'   // Compatibility Ideographs
          or >= '\u3040' and <= '\u30FF'   // Hiragana, Katakana
          or >= '\uAC00' and <= '\uD7AF'   // Hangul syllables
          or '\u3007';                      // 〇, as in 二〇二六年
}
