using Lucene.Net.Analysis.TokenAttributes;

namespace Gongkai.Features.Search;

/// <summary>
/// The terms of the gram companion fields (<see cref="SearchSchema"/>): the trigrams and four-grams
/// of CJK text that the index's <see cref="GramSet"/> says to keep, each at the position of its
/// first character (counted in characters within a run), a four-gram on the same position as the
/// trigram it extends. Each run starts <see cref="RunGap"/> positions after the previous one (or the
/// field's previous value), so a phrase never joins two runs across punctuation or letters.
/// </summary>
internal sealed class GramTokenizer : CjkTokenizer
{
    /// <summary>More than any phrase can span (<see cref="SearchIndex.MaxQueryLength"/>).</summary>
    public const int RunGap = SearchIndex.MaxQueryLength + 1;

    private readonly Func<GramSet> _grams;
    private readonly IPositionIncrementAttribute _increment;
    private GramSet _set = GramSet.None;
    private int _at;            // the character being looked at
    private int _position;      // its position
    private int _lastPosition;  // position of the last term emitted
    private bool _inRun;        // whether the character before _at was CJK
    private bool _fourPending;  // a trigram was emitted at _at; its four-gram comes next
    private int _frequentAt = -1; // where _frequentNext was computed: whether the bigram there is frequent
    private bool _frequentNext;

    public GramTokenizer(TextReader input, Func<GramSet> grams) : base(input)
    {
        _grams = grams;
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        _set = _grams();
        _at = 0;
        _position = -1;
        _lastPosition = -1;
        _inRun = false;
        _fourPending = false;
        _frequentAt = -1;
    }

    protected override void SetAttributes(int increment) => _increment.PositionIncrement = increment;

    /// <inheritdoc/>
    public override bool NextToken(out int start, out int length, out int increment)
    {
        var text = Text;
        var textLength = Length;
        while (_at < textLength)
        {
            if (_fourPending)
            {
                _fourPending = false;
                if (_at + 3 < textLength && _set.HasFourGram(text[_at], text[_at + 1], text[_at + 2], text[_at + 3]))
                {
                    Emit(_at, 4, out start, out length, out increment);
                    _at++;
                    return true;
                }
                _at++;
                continue;
            }
            var c = text[_at];
            if (!GramSet.IsGramChar(c))
            {
                // A supplementary-plane character still belongs to the run: it takes one position.
                if (CjkWidth(_at) == 2)
                {
                    _position += _inRun ? 1 : RunGap;
                    _inRun = true;
                    _at += 2;
                    continue;
                }
                _inRun = false;
                _at++;
                continue;
            }
            _position += _inRun ? 1 : RunGap;
            _inRun = true;
            // Each bigram is looked up once: the second half of this trigram is the first of the next.
            if (_at + 2 >= textLength) { _at++; continue; }
            var first = _frequentAt == _at ? _frequentNext : _set.IsFrequent(c, text[_at + 1]);
            var second = first && _set.IsFrequent(text[_at + 1], text[_at + 2]);
            _frequentAt = first ? _at + 1 : -1;
            _frequentNext = second;
            if (second)
            {
                Emit(_at, 3, out start, out length, out increment);
                _fourPending = true; // _at stays: the four-gram starts here too
                return true;
            }
            _at++;
        }
        start = length = increment = 0;
        return false;
    }

    private void Emit(int at, int gramLength, out int start, out int length, out int increment)
    {
        start = at;
        length = gramLength;
        increment = _position - _lastPosition;
        _lastPosition = _position;
    }
}
