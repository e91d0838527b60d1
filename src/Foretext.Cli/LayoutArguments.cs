// The options measure, lines, fit and render share: the text (argument, --file or stdin "-"), the CSS font,
// the box width, the line height and the CSS properties PrepareOptions models.

using System.CommandLine;
using Foretext.Layout;
using System.Globalization;

namespace Foretext.Cli;

internal sealed class LayoutArguments
{
    public const string DefaultFont = "16px \"Noto Serif\", serif";

    private readonly Argument<string?> _text = new("text") { Description = "The text to lay out (- reads standard input).", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _file = new("--file", "-f") { Description = "Read the text from this UTF-8 file." };
    private readonly Option<string> _font = new("--font") { Description = "CSS font shorthand.", DefaultValueFactory = _ => DefaultFont };
    private readonly Option<double> _width = new("--width", "-w") { Description = "Box width in CSS px.", DefaultValueFactory = _ => 320 };
    private readonly Option<double> _lineHeight = new("--line-height") { Description = "Line height in CSS px.", DefaultValueFactory = _ => 24 };
    private readonly Option<string?> _whiteSpace = new("--white-space") { Description = "normal or pre-wrap." };
    private readonly Option<string?> _wordBreak = new("--word-break") { Description = "normal or keep-all." };
    private readonly Option<double> _letterSpacing = new("--letter-spacing") { Description = "Letter spacing in CSS px." };
    private readonly Option<string?> _lang = new("--lang") { Description = "Content language (BCP 47), as the lang attribute." };
    private readonly Option<string?> _dir = new("--dir") { Description = "ltr, rtl or auto." };
    private readonly Option<string?> _textWrap = new("--text-wrap") { Description = "wrap, balance or pretty (CSS text-wrap-style; lines move, the line count stays)." };

    public LayoutArguments(Command command, bool withWidth = true, bool withTextWrap = false)
    {
        _width.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is var w && (double.IsNaN(w) || w < 0))
            {
                r.AddError("--width must be a non-negative number of px.");
            }
        });
        _lineHeight.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is var h && (!double.IsFinite(h) || h < 0))
            {
                r.AddError("--line-height must be a finite, non-negative number of px.");
            }
        });
        command.Arguments.Add(_text);
        command.Options.Add(_file);
        command.Options.Add(_font);
        if (withWidth)
        {
            command.Options.Add(_width);
        }

        command.Options.Add(_lineHeight);
        command.Options.Add(_whiteSpace);
        command.Options.Add(_wordBreak);
        command.Options.Add(_letterSpacing);
        command.Options.Add(_lang);
        command.Options.Add(_dir);
        if (withTextWrap)
        {
            command.Options.Add(_textWrap);
        }
    }

    /// <summary>The --text-wrap value; throws <see cref="UsageException"/> for an unknown one.</summary>
    public TextWrap ReadTextWrap(ParseResult parseResult)
    {
        try
        {
            return CssValues.ParseTextWrap(parseResult.GetValue(_textWrap));
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>The case the options describe; throws <see cref="UsageException"/> for bad usage.</summary>
    public BatchCase Read(ParseResult parseResult, BatchCase? fallback = null)
    {
        string? text = parseResult.GetValue(_text);
        string? file = parseResult.GetValue(_file);
        if (text is not null && file is not null)
        {
            throw new UsageException("give the text as an argument or with --file, not both");
        }

        if (file is not null)
        {
            text = ReadFile(file);
        }
        else if (text == "-")
        {
            text = Console.In.ReadToEnd();
        }

        if (text is null)
        {
            if (fallback is not null)
            {
                return fallback;
            }

            throw new UsageException("no text: pass it as an argument, with --file, or - for standard input");
        }

        try
        {
            var options = new PrepareOptions
            {
                WhiteSpace = CssValues.ParseWhiteSpace(parseResult.GetValue(_whiteSpace)),
                WordBreak = CssValues.ParseWordBreak(parseResult.GetValue(_wordBreak)),
                Direction = CssValues.ParseDirection(parseResult.GetValue(_dir)),
                Lang = parseResult.GetValue(_lang),
                LetterSpacing = parseResult.GetValue(_letterSpacing),
            };
            return new BatchCase("cli", text, parseResult.GetValue(_font)!, parseResult.GetValue(_lineHeight), parseResult.GetValue(_width), options);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }

    public static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {e.Message}");
        }
    }

    public static string Px(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>Bad usage found after parsing: reported in one line with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
