using System.Globalization;
using System.Text;

namespace Parley.Flows.Expressions;

/// <summary>
/// Recursive-descent parser over a span. Grammar (keywords are case-sensitive):
/// <code>
/// or      := and (("or" | "||") and)*
/// and     := unary (("and" | "&amp;&amp;") unary)*
/// unary   := ("not" | "!") unary | compare
/// compare := primary (("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "contains" | "startsWith" | "endsWith") primary)?
/// primary := number | 'text' | "text" | true | false | null | reference | "(" or ")"
/// </code>
/// </summary>
internal ref struct ExpressionParser
{
    public const int MaxLength = 1000;
    public const int MaxDepth = 32;

    private readonly ReadOnlySpan<char> _text;
    private int _pos;
    private int _depth;

    public ExpressionParser(ReadOnlySpan<char> text)
    {
        _text = text;
    }

    public ExpressionNode ParseAll()
    {
        if (_text.Length > MaxLength)
        {
            throw new ExpressionSyntaxException(MaxLength, $"the expression is longer than {MaxLength} characters");
        }
        SkipSpace();
        if (_pos == _text.Length)
        {
            throw new ExpressionSyntaxException(0, "the expression is empty");
        }
        var node = ParseOr();
        SkipSpace();
        if (_pos < _text.Length)
        {
            throw new ExpressionSyntaxException(_pos, $"unexpected '{_text[_pos]}'");
        }
        return node;
    }

    private ExpressionNode ParseOr()
    {
        var left = ParseAnd();
        while (TryWord("or") || TrySymbol("||"))
        {
            left = new LogicalNode(isAnd: false, left, ParseAnd());
        }
        return left;
    }

    private ExpressionNode ParseAnd()
    {
        var left = ParseUnary();
        while (TryWord("and") || TrySymbol("&&"))
        {
            left = new LogicalNode(isAnd: true, left, ParseUnary());
        }
        return left;
    }

    private ExpressionNode ParseUnary()
    {
        Enter();
        ExpressionNode node;
        if (TryWord("not") || (Peek("!") && !Peek("!=") && TrySymbol("!")))
        {
            node = new NotNode(ParseUnary());
        }
        else
        {
            node = ParseComparison();
        }
        _depth--;
        return node;
    }

    private ExpressionNode ParseComparison()
    {
        var left = ParsePrimary();
        ComparisonOperator? op =
            TrySymbol("==") ? ComparisonOperator.Equal
            : TrySymbol("!=") ? ComparisonOperator.NotEqual
            : TrySymbol("<=") ? ComparisonOperator.LessOrEqual
            : TrySymbol(">=") ? ComparisonOperator.GreaterOrEqual
            : TrySymbol("<") ? ComparisonOperator.Less
            : TrySymbol(">") ? ComparisonOperator.Greater
            : TryWord("contains") ? ComparisonOperator.Contains
            : TryWord("startsWith") ? ComparisonOperator.StartsWith
            : TryWord("endsWith") ? ComparisonOperator.EndsWith
            : null;
        return op is null ? left : new ComparisonNode(op.Value, left, ParsePrimary());
    }

    private ExpressionNode ParsePrimary()
    {
        SkipSpace();
        if (_pos >= _text.Length)
        {
            throw new ExpressionSyntaxException(_pos, "the expression ends where a value was expected");
        }
        var c = _text[_pos];
        if (c == '(')
        {
            var open = _pos;
            _pos++;
            Enter();
            var inner = ParseOr();
            _depth--;
            SkipSpace();
            if (_pos >= _text.Length || _text[_pos] != ')')
            {
                throw new ExpressionSyntaxException(_pos, $"the '(' at character {open + 1} is not closed");
            }
            _pos++;
            return inner;
        }
        if (c is '\'' or '"')
        {
            return new LiteralNode(ExpressionValue.Of(ReadString(c)));
        }
        if (char.IsAsciiDigit(c) || (c == '-' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
        {
            return new LiteralNode(ExpressionValue.Of(ReadNumber()));
        }
        if (char.IsAsciiLetter(c) || c == '_')
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '.'))
            {
                _pos++;
            }
            var word = _text[start.._pos];
            if (word.SequenceEqual("true"))
            {
                return new LiteralNode(ExpressionValue.Of(true));
            }
            if (word.SequenceEqual("false"))
            {
                return new LiteralNode(ExpressionValue.Of(false));
            }
            if (word.SequenceEqual("null"))
            {
                return new LiteralNode(ExpressionValue.Null);
            }
            var problem = ExpressionReferences.Check(word);
            if (problem is not null)
            {
                throw new ExpressionSyntaxException(start, problem);
            }
            return new ReferenceNode(word.ToString());
        }
        throw new ExpressionSyntaxException(_pos, $"unexpected '{c}' where a value was expected");
    }

    private string ReadString(char quote)
    {
        var start = _pos;
        _pos++;
        var builder = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            if (c == quote)
            {
                return builder.ToString();
            }
            if (c == '\\')
            {
                if (_pos >= _text.Length)
                {
                    break;
                }
                c = _text[_pos++];
            }
            builder.Append(c);
        }
        throw new ExpressionSyntaxException(start, "the text starting here is not closed");
    }

    private double ReadNumber()
    {
        var start = _pos;
        _pos++;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.'))
        {
            _pos++;
        }
        if (!double.TryParse(_text[start.._pos], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value))
        {
            throw new ExpressionSyntaxException(start, $"'{_text[start.._pos]}' is not a number");
        }
        return value;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new ExpressionSyntaxException(_pos, $"the expression nests deeper than {MaxDepth} levels");
        }
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private bool Peek(string symbol)
    {
        SkipSpace();
        return _text[_pos..].StartsWith(symbol, StringComparison.Ordinal);
    }

    private bool TrySymbol(string symbol)
    {
        if (!Peek(symbol))
        {
            return false;
        }
        _pos += symbol.Length;
        return true;
    }

    private bool TryWord(string word)
    {
        if (!Peek(word))
        {
            return false;
        }
        var end = _pos + word.Length;
        if (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] is '_' or '.'))
        {
            return false;
        }
        _pos = end;
        return true;
    }
}
