// Stage: browser parity, the side-by-side report for one case.
// Input: a snapshot case (Chromium's line starts) and Foretext's line starts for it. Output: an HTML page that
// lets Chromium render the paragraph twice, with Chromium's lines outlined on the left and Foretext's lines drawn
// over the same rendering on the right (red where a line starts elsewhere than Chromium's), plus a PNG of it.
// Long paragraphs are cut to the lines around the first difference: a cut at a line start both agree on keeps
// every later break, since a line depends only on where it starts.
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Foretext.Recorder;

/// <summary>Builds the side-by-side HTML for one case.</summary>
public static class ParityPage
{
    /// <summary>Lines shown before the first differing line.</summary>
    public const int LinesBefore = 4;

    /// <summary>Lines shown from the first differing line on.</summary>
    public const int LinesAfter = 8;

    /// <summary>The page for <paramref name="c"/>, given Foretext's line starts.</summary>
    public static string Build(SnapshotCase c, IReadOnlyList<int> foretext)
    {
        int first = 0;
        while (first < c.Lines.Length && first < foretext.Count && c.Lines[first] == foretext[first])
        {
            first++;
        }

        int fromLine = Math.Max(0, first - LinesBefore);
        int from = fromLine < c.Lines.Length ? c.Lines[fromLine] : 0;
        int toLine = first + LinesAfter;
        int to = toLine < c.Lines.Length ? c.Lines[toLine] : c.Text.Length;
        int[] chromium = c.Lines.Where(s => s >= from && s < to).Select(s => s - from).ToArray();
        int[] ours = foretext.Where(s => s >= from && s < to).Select(s => s - from).ToArray();
        string text = c.Text[from..to];

        string style = string.Create(CultureInfo.InvariantCulture,
            $"font:{c.Font};width:{c.Width}px;line-height:{c.LineHeight}px;white-space:{c.WhiteSpace};word-break:{c.WordBreak};letter-spacing:{c.LetterSpacing}px;overflow-wrap:break-word;margin:0;padding:0");
        string summary = first < Math.Max(c.Lines.Length, foretext.Count)
            ? $"First difference: line {first} starts at {(first < c.Lines.Length ? c.Lines[first] : c.Text.Length)} in Chromium, at {(first < foretext.Count ? foretext[first] : c.Text.Length)} in Foretext ({c.LineCount} lines in Chromium, {foretext.Count} in Foretext)."
            : $"Every line start agrees ({c.LineCount} lines).";
        string paragraph = WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(c.Id)).Append("</title><style>")
            .Append("body{font:14px sans-serif;margin:16px;background:#fff}.panel{display:inline-block;vertical-align:top;margin:0 24px 24px 0;position:relative}")
            .Append(".case{outline:1px dashed #bbb}.box{position:absolute;border:1px solid #2a7;pointer-events:none}.bad{border:2px solid #d22;background:rgba(220,0,0,.08)}")
            .Append("h2{font-size:14px;margin:4px 0}</style></head><body>")
            .Append("<h1 style=\"font-size:16px\">").Append(WebUtility.HtmlEncode(c.Id)).Append("</h1><p>")
            .Append(WebUtility.HtmlEncode($"{c.Font}; {c.Width}px; {c.WhiteSpace}; {c.WordBreak}; letter-spacing {c.LetterSpacing}; lang {c.Lang}; {c.Dir}. {summary} Showing UTF-16 offsets {from}-{to}."))
            .Append("</p>");
        foreach ((string id, string title) in new[] { ("chromium", "Chromium (its own lines outlined)"), ("foretext", "Foretext's lines drawn over Chromium's rendering") })
        {
            html.Append("<div class=\"panel\"><h2>").Append(title).Append("</h2><div class=\"case\" id=\"").Append(id)
                .Append("\" lang=\"").Append(WebUtility.HtmlEncode(c.Lang)).Append("\" dir=\"").Append(WebUtility.HtmlEncode(c.Dir))
                .Append("\" style=\"").Append(WebUtility.HtmlEncode(style)).Append("\">").Append(paragraph).Append("</div></div>");
        }

        html.Append("<script>const chromium=").Append(JsonSerializer.Serialize(chromium)).Append(",foretext=").Append(JsonSerializer.Serialize(ours))
            .Append(";function draw(id,starts){const div=document.getElementById(id),node=div.firstChild,panel=div.parentElement,p=panel.getBoundingClientRect();")
            .Append("starts.forEach((s,i)=>{const e=i+1<starts.length?starts[i+1]:node.length;if(e<=s)return;const r=document.createRange();r.setStart(node,s);r.setEnd(node,e);")
            .Append("let l=1e9,t=1e9,R=-1e9,B=-1e9;for(const q of r.getClientRects()){if(q.width===0&&q.height===0)continue;l=Math.min(l,q.left);t=Math.min(t,q.top);R=Math.max(R,q.right);B=Math.max(B,q.bottom);}")
            .Append("if(R<l)return;const b=document.createElement('div');b.className='box'+(chromium[i]!==s?' bad':'');b.title='line '+i+' starts at '+s;")
            .Append("b.style.cssText=`left:${l-p.left}px;top:${t-p.top}px;width:${R-l}px;height:${B-t}px`;panel.appendChild(b);});}")
            .Append("document.fonts.ready.then(()=>{draw('chromium',chromium);draw('foretext',foretext);document.body.dataset.ready='1';});</script></body></html>");
        return html.ToString();
    }
}
